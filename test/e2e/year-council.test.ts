import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildService } from '../support/child-service.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';
import { TIE, YEAR, period, schoolYear } from '../server/years/school-year.ts';

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('#status')!.className !== 'info');
  return (await page.textContent('#status')) ?? '';
}

async function api(service: ChildService, method: string, path: string, body?: unknown, token = service.token): Promise<any> {
  const res = await fetch(`${service.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function keyFor(service: ChildService, role: string, units: string[] = []): Promise<string> {
  const user = await api(service, 'POST', '/users', { name: `Người dùng ${role}`, role, units });
  return (await api(service, 'POST', '/keys', { userId: user.id })).key;
}

async function connect(page: Page, token: string): Promise<void> {
  await page.fill('#token', token);
  await page.click('#connect-form button[type=submit]');
  await page.waitForSelector('#connected:not([hidden])');
}

describe('the year decisions of the task pane (headless Chromium, real service)', () => {
  let harness: PaneHarness;
  let service: ChildService;
  let councilKey: string;
  let raterKey: string;
  beforeAll(async () => {
    harness = await startPaneHarness();
    service = harness.service;
    const data = await schoolYear();
    for (let m = 1; m <= 12; m++) {
      await api(service, 'POST', `/months/${period(m)}/people`, { rows: data.months[m - 1] });
      await api(service, 'POST', `/months/${period(m)}/units`, { rows: data.unitMonths[m - 1] });
    }
    await api(service, 'POST', `/years/${YEAR}/people`, { rows: data.yearly });
    await api(service, 'POST', `/years/${YEAR}/initiatives`, { rows: data.initiatives });
    councilKey = await keyFor(service, 'council');
    raterKey = await keyFor(service, 'rater', ['Khoa Lý luận cơ sở']);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the year decisions to the council only, awards a tie within its places, withdraws and reinstates a title, finalises and reopens', async () => {
    const { page, errors } = await harness.openPane({ width: 380, height: 1000 });
    expect(await page.isHidden('#year-council')).toBe(true);

    // A rater's key: no council controls at all.
    await connect(page, raterKey);
    expect(await page.textContent('#who')).toContain('người chấm');
    expect(await page.isHidden('#year-council')).toBe(true);
    await page.click('#disconnect');

    await connect(page, councilKey);
    await page.waitForSelector('#year-council:not([hidden])');
    expect(await page.textContent('#year-tie-list')).toBe('Bấm "Xem quyết định năm" để xem.');

    await page.click('#year-load');
    expect(await settled(page)).toBe('Hãy ghi năm (YYYY, ví dụ 2021) vào ô Tháng / Năm / Lớp.');
    await page.fill('#period', String(YEAR));
    await page.click('#year-load');
    expect(await settled(page)).toMatch(new RegExp(`^Năm ${YEAR}: [1-9]\\d* nhóm đồng điểm chờ xét, [1-9]\\d* danh hiệu trong danh sách đề nghị\\.$`));
    expect(await page.textContent('#year-state')).toBe(`Năm ${YEAR}: chưa chốt, tỷ lệ HTXS 20%, 50 cán bộ, 6 khoa, phòng.`);

    // The tie of the yearly quota (school-year.ts builds it: k = 2 in Chuyên viên, one kept, two tied for one place).
    const run = page.locator('fieldset.tie[data-subject=person]', { hasText: 'Chuyên viên' });
    expect(await run.locator('legend').textContent()).toBe('Cán bộ, nhóm Chuyên viên: còn 1/2 suất HTXS');
    const boxes = run.locator('input[type=checkbox]');
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([...TIE]);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await run.locator('input.tie-reason').fill('Cả hai có sáng kiến');
    await run.locator('button.award').click();
    expect(await settled(page)).toBe('Nhóm "Chuyên viên" chỉ còn 1 suất HTXS của năm; đã chọn 2 người');
    await boxes.nth(1).uncheck();
    await run.locator('input.tie-reason').fill('');
    await run.locator('button.award').click();
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await run.locator('input.tie-reason').fill('Chủ trì chuyển đổi số của trường');
    await run.locator('button.award').click();
    expect(await settled(page)).toBe(`Đã xét HTXS năm ${YEAR} cho 1 trường hợp (nhóm Chuyên viên). Bấm Xếp loại năm để ghi lại trang năm.`);
    const results = await api(service, 'GET', `/years/${YEAR}/results`);
    const awarded = results.people.find((p: any) => p.code === TIE[0]);
    expect(awarded.level).toBe('HTXS');
    expect(awarded.reasons).toContain('Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số của trường → Hoàn thành xuất sắc nhiệm vụ');
    expect(results.people.find((p: any) => p.code === TIE[1]).level).toBe('HTT');
    // The run's places are used up: the other member stays in the run, and its award button stays off after the action.
    expect(await run.locator('legend').textContent()).toBe('Cán bộ, nhóm Chuyên viên: còn 0/2 suất HTXS');
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([TIE[1]]);
    expect(await run.locator('button.award').isDisabled()).toBe(true);

    // Withdraw a title from the proposal list, then put it back.
    const options = await page.$$eval('#withdraw-choice option', (os) => os.map((o) => (o as HTMLOptionElement).textContent ?? ''));
    const chosen = options.findIndex((o) => o.startsWith(`${TIE[0]} `) && o.includes('— LĐTT'));
    expect(chosen).toBeGreaterThanOrEqual(0);
    await page.selectOption('#withdraw-choice', String(chosen));
    await page.click('#withdraw');
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await page.fill('#withdraw-reason', 'Đang xác minh đơn thư');
    await page.click('#withdraw');
    const status = await settled(page);
    expect(status).toMatch(new RegExp(`^Đã rút ${TIE[0]} .+ — LĐTT khỏi danh sách đề nghị năm ${YEAR}\\.$`));
    expect(await page.locator('#withdrawal-list li').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${TIE[0]} .+ — LĐTT: Đang xác minh đơn thư Khôi phục$`))]);
    const after = await page.$$eval('#withdraw-choice option', (os) => os.map((o) => o.textContent ?? ''));
    expect(after.some((o) => o.startsWith(`${TIE[0]} `) && o.includes('— LĐTT'))).toBe(false);
    expect(after).toHaveLength(options.length - 1);
    const listed = async () => {
      const lists = await api(service, 'GET', `/years/${YEAR}/proposal-list`);
      return lists.lists.flatMap((l: any) => l.groups.flatMap((g: any) => g.blocks.filter((b: any) => b.title === 'LDTT').flatMap((b: any) => b.rows.map((r: any) => r.key))));
    };
    expect(await listed()).not.toContain(TIE[0]);
    await page.fill('#withdraw-reason', 'Đã xác minh xong');
    await page.click('#withdrawal-list button.reinstate');
    expect(await settled(page)).toMatch(new RegExp(`^Đã khôi phục ${TIE[0]} .+ — LĐTT vào danh sách đề nghị năm ${YEAR}\\.$`));
    expect(await page.locator('#withdrawal-list li').count()).toBe(0);
    expect(await listed()).toContain(TIE[0]);

    // Finalise and reopen the year, each with a reason; a finalised year refuses a withdrawal, in the service's words.
    await page.click('#finalise-year');
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await page.fill('#year-decision-reason', 'Hội đồng họp ngày 10/01/2024');
    await page.click('#finalise-year');
    expect(await settled(page)).toBe(`Đã chốt năm ${YEAR}.`);
    expect(await page.textContent('#year-state')).toContain('đã chốt');
    await page.selectOption('#withdraw-choice', '0');
    await page.fill('#withdraw-reason', 'Thử sau khi chốt');
    await page.click('#withdraw');
    expect(await settled(page)).toContain('đã chốt; cần mở lại trước khi thay đổi');
    expect((await api(service, 'GET', `/years/${YEAR}/results`)).finalised).toBe(true);
    await page.click('#reopen-year');
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await page.fill('#year-decision-reason', 'Bổ sung hồ sơ');
    await page.click('#reopen-year');
    expect(await settled(page)).toBe(`Đã mở lại năm ${YEAR}.`);
    expect((await api(service, 'GET', `/years/${YEAR}/results`)).finalised).toBe(false);
    const kinds = (await api(service, 'GET', `/years/${YEAR}/results`)).decisions.map((d: any) => d.kind);
    expect(kinds).toEqual(['award', 'withdraw', 'reinstate', 'finalise', 'reopen']);

    await page.click('#language');
    expect(await page.textContent('#year-load')).toBe('Year decisions');
    expect(await page.textContent('#year-state')).toBe(`Year ${YEAR}: open, HTXS rate 20%, 50 staff, 6 departments.`);
    expect(errors).toEqual([]);
  });
});
