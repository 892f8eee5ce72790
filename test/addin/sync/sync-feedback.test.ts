import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { keepMine, takeStoredVersions } from '../../../addin/sync/conflicts.ts';
import { monthGlance } from '../../../addin/sync/month-glance.ts';
import type { SyncOutcome } from '../../../addin/sync/outcome.ts';
import { syncReport } from '../../../addin/sync/report-lines.ts';
import { readMemory } from '../../../addin/sync/sheet-memory.ts';
import type { ComputedPerson, QuotaFacts } from '../../../server/contract/results.ts';
import { familiarGrid } from '../sheet/grids.ts';

function person(code: string, level: ComputedPerson['level'], extra: Partial<ComputedPerson> = {}): ComputedPerson {
  return {
    code, name: code, unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', score: 80, selfScore: null, level, label: level,
    levelBeforeQuota: level, rankInUnit: 1, rankInOrg: 1, reasons: [], tieAtQuota: false, version: 4, updatedAt: '', quotaGroup: 'Giảng viên',
    ...extra,
  };
}

const quota: QuotaFacts = {
  group: 'Giảng viên', unit: null, dutyGroup: 'Giảng viên', rate: 20, denominator: 'htt-only', candidates: 12, allowed: 2, used: 1, tieCodes: ['CB3', 'CB4'],
};

const outcome = (extra: Partial<SyncOutcome>): SyncOutcome => ({
  action: 'sync', sheet: 'T10-2021', period: '2021-10', rows: 32, sent: 6, counts: { accepted: 6, unchanged: 0, rejected: 0, conflict: 0 },
  issues: [], missing: [], headers: [], rowProblems: [], offline: false, pending: 0, notSent: 0, typed: [], glance: null, taken: 0, ...extra,
});

describe('the month at a glance', () => {
  it('counts every level and gives each group its places and its ties', () => {
    const rows = [person('CB1', 'HTXS'), person('CB2', 'HTT'), person('CB3', 'HTT', { tieAtQuota: true }), person('CB4', 'HTT', { tieAtQuota: true }), person('CB5', 'NONE', { quotaGroup: null })];
    const glance = monthGlance(rows, [quota])!;
    expect(glance.total).toBe(5);
    expect(Object.fromEntries(glance.levels.map((l) => [l.level, l.count]))).toEqual({ HTXS: 1, HTT: 3, HT: 0, KHT: 0, NONE: 1 });
    expect(glance.groups).toEqual([{ group: 'Giảng viên', members: 4, candidates: 12, allowed: 2, used: 1, ties: 2 }]);
    expect(glance.ties).toBe(2);
    expect(monthGlance([])).toBeNull();
  });
});

describe('what the command line says', () => {
  it('counts the rows held back in the summary and keeps problems apart, the fields by their Vietnamese labels', () => {
    const said = syncReport(outcome({ notSent: 26, issues: [{ cell: 'E8', row: 7, field: 'unit', message: 'E8: Thiếu Đơn vị', severity: 'error', who: 'Lò Văn Long' }] }), 'person', 'http://x');
    expect(said.problems).toEqual(['Lỗi: E8: Thiếu Đơn vị — Lò Văn Long']);
    expect(said.summary).toEqual([
      'Trang "T10-2021", tháng 10/2021: 32 dòng, đã gửi 6: 6 nhận, 0 không đổi, 0 lỗi, 0 xung đột; 26 dòng lỗi chưa gửi (sửa các ô đã nêu rồi chạy lại).',
    ]);
    expect(syncReport(outcome({ missing: ['name', 'unit', 'score'] }), 'person', 'http://x').problems).toEqual([
      'Thiếu cột: Họ và tên, Đơn vị, Điểm đánh giá',
    ]);
  });

  it('names the address it cannot reach, and speaks of changes only when some wait', () => {
    expect(syncReport(outcome({ offline: true }), 'person', 'http://may-chu:3000').problems).toEqual([
      'Không kết nối được máy chủ http://may-chu:3000; chưa ghi tệp ra. Hãy kiểm tra BINHXET_URL và chạy lại.',
    ]);
    expect(syncReport(outcome({ offline: true, pending: 3 }), 'person', 'http://may-chu:3000').problems[0]).toContain('3 dòng thay đổi chưa gửi được');
  });
});

describe('clearing a conflict', () => {
  const table = readTable(familiarGrid(2), { kind: 'person' });
  const memory = () => ({
    ...readMemory({}, 'person'),
    rows: { CB00001: { hash: 'abc', version: 1 } },
    conflicts: { CB00001: { version: 2, differences: 'Điểm đánh giá đã lưu 91, bạn nhập 88', taken: false } },
  });

  it('takes the version the pull brought as the row\'s base, and keeps the row to be sent', () => {
    const pulled = [person('CB00001', 'HTT', { version: 5 })];
    const { memory: next, status } = takeStoredVersions(memory(), table, pulled);
    expect(next.rows.CB00001).toEqual({ hash: '', version: 5 });
    expect(next.conflicts.CB00001).toMatchObject({ version: 5, taken: true });
    expect(status.get('CB00001')).toBe(
      'Đã lấy bản đã lưu, phiên bản 5 (Điểm đánh giá đã lưu 91, bạn nhập 88). Bấm Đồng bộ để gửi giá trị của bạn thay bản đã lưu',
    );
  });

  it('keeps the user\'s value over the version the conflict named, for the rows named only', () => {
    const next = keepMine(memory(), ['CB00001', 'CB00009', '__proto__']);
    expect(next.rows).toEqual({ CB00001: { hash: '', version: 2 } });
    expect(next.conflicts.CB00001!.taken).toBe(true);
  });
});
