import { randomUUID } from 'node:crypto';
import { importTaskExport } from '../../addin/actions/import-tasks.ts';
import type { BinhXetClient } from '../../addin/api/client.ts';
import { fileWorkbook, newWorkbook } from '../../addin/workbook/file.ts';
import { createApp } from '../../server/app.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';
import { createLogger } from '../../server/log.ts';
import { makeRows, PERIOD } from './data.ts';
import type { BenchDatabase } from './databases.ts';
import { medians, round, withFloor, type Figure, type Plan } from './measure.ts';

/**
 * The month's task import and sync (issue 14): an e-office export of `n` documents (ten per person) imported
 * onto a tasks sheet, and the sheet's rows synced as the add-in does, in pieces of 5,000 (all but the last
 * answered minimally). Floor: a COPY of the same rows into the task table and one read of them back.
 */

const CHUNK = 5_000;
const PER_PERSON = 10;

/** A month no other case uses, one per run, so every sync writes new rows. */
const runPeriod = (i: number) => `${2031 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

function exportCells(people: readonly { code: string; name: string; unit: string }[], n: number, period: string) {
  const cells: (string | number | null)[][] = [['Số, ký hiệu', 'Loại văn bản', 'Trích yếu', 'Mã CB', 'Người xử lý chính', 'Đơn vị xử lý', 'Hạn xử lý', 'Ngày hoàn thành', 'Trạng thái']];
  const [y, m] = period.split('-');
  for (let i = 0; i < n; i++) {
    const p = people[i % people.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const done = i % 5 !== 0;
    cells.push([`${i + 1}/VB-${p.code}`, i % 3 === 0 ? 'Báo cáo' : 'Công văn', `Văn bản số ${i + 1} về công tác tháng`, p.code, p.name, p.unit, `${day}/${m}/${y}`, done ? `${day}/${m}/${y}` : '', done ? 'Hoàn thành' : 'Đang xử lý']);
  }
  return cells;
}

/** The tasks sheet's rows as the push sends them (what the sheet engine reads off the imported sheet). */
function taskRows(cells: readonly (readonly (string | number | null)[])[]) {
  return cells.slice(1).map((c, i) => ({
    ref: i + 2,
    code: c[3],
    taskRef: c[0],
    taskName: c[2],
    source: 'Văn bản',
    role: 'Chủ trì',
    k: c[1] === 'Báo cáo' ? 2 : 1,
    g: 1,
    h: c[7] ? 1 : 0,
    dueOn: c[6],
    doneOn: c[7] || undefined,
  }));
}

function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function taskCases(bench: BenchDatabase, n: number, plan: Plan): Promise<Figure[]> {
  const { db } = bench;
  const app = createApp({ db, logger: createLogger('info', () => {}), publicUrl: 'https://localhost:3000' });
  const token = `bench-${randomUUID()}`;
  const { organisation } = await bootstrapOrganisation(db, { slug: `bench-tasks-${randomUUID().slice(0, 8)}`, name: 'Trường thử' }, token);
  const call = async (method: string, path: string, body?: unknown, prefer?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': randomUUID() });
    if (prefer) headers.prefer = prefer;
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as { counts: Record<string, number>; rows?: unknown[]; people?: unknown[] };
  };
  // Setup (not timed): the people, known from their month.
  const people = makeRows(Math.max(1, Math.ceil(n / PER_PERSON)));
  await call('POST', `/api/v1/months/${PERIOD}/people`, { rows: people });
  const roster = (await call('GET', '/api/v1/roster')) as unknown as Awaited<ReturnType<BinhXetClient['roster']>>;
  const client = { roster: async () => roster };

  const importMs = await medians(plan, n, async (i) => {
    const period = runPeriod(i);
    const exported = { cells: exportCells(people, n, period), catalogue: new Map([['bao cao', 2]]) };
    const started = performance.now();
    const result = await importTaskExport({ workbook: fileWorkbook(newWorkbook()), client }, exported, period);
    const ms = performance.now() - started;
    if (result.added !== n) throw new Error(`tasks-import added ${result.added} of ${n}: ${result.messages.slice(0, 3).join('; ')}`);
    return { ms };
  });

  const syncMs = await medians(plan, n, async (i) => {
    const period = runPeriod(i);
    const rows = taskRows(exportCells(people, n, period));
    const started = performance.now();
    let accepted = 0;
    let last: Awaited<ReturnType<typeof call>> | null = null;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const final = start + CHUNK >= rows.length;
      last = await call('POST', `/api/v1/months/${period}/tasks`, { rows: rows.slice(start, start + CHUNK) }, final ? undefined : 'return=minimal');
      accepted += last.counts.accepted!;
    }
    const ms = performance.now() - started;
    if (accepted !== n || last?.rows?.length !== n) throw new Error(`tasks-sync: ${accepted} accepted, ${last?.rows?.length} rows answered; expected ${n}`);
    return { ms };
  });

  // The floor: the same rows COPYed into the task table of a scratch period, then read back with their people.
  const ids = new Map(
    (await db.query<{ id: number; code: string }>('select id, code from person where org_id = $1', [organisation.id])).map((p) => [p.code, p.id]),
  );
  const columns = ['org_id', 'period', 'person_id', 'task_key', 'task_ref', 'task_name', 'source', 'role', 'k', 'g', 'h', 'due_on', 'done_on', 'version'];
  const floorMs = await medians(plan, n, async (i) => {
    const period = `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const rows = taskRows(exportCells(people, n, period));
    const iso = (d: string | undefined) => (d ? `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : null);
    const text =
      rows
        .map((r) =>
          [organisation.id, period, ids.get(String(r.code))!, `ref:${String(r.taskRef).toLowerCase()}`, r.taskRef, r.taskName, 'văn bản', 'chủ trì', r.k, r.g, r.h, iso(String(r.dueOn)), iso(r.doneOn ? String(r.doneOn) : undefined), 1]
            .map((v) => copyField(v as string | number | null))
            .join('\t'),
        )
        .join('\n') + '\n';
    const started = performance.now();
    await bench.copy('task', columns, text);
    const back = await db.query('select t.task_ref, p.code from task t join person p on p.id = t.person_id where t.org_id = $1 and t.period = $2', [organisation.id, period]);
    const ms = performance.now() - started;
    if (back.length !== n) throw new Error(`tasks floor read ${back.length} rows, wrote ${n}`);
    return { ms };
  });

  const base = { rows: n, database: bench.kind };
  return [
    { name: 'tasks-import', ...base, ms: round(importMs.ms!), runs: importMs.runs, via: 'e-office export → tasks sheet (pure import, exceljs workbook)' },
    withFloor({ name: 'tasks-sync', ...base, ms: round(syncMs.ms!), runs: syncMs.runs, via: `pushes of ${CHUNK} rows, all but the last minimal` }, floorMs.ms),
    { name: 'tasks floor', ...base, ms: round(floorMs.ms!), runs: floorMs.runs },
  ];
}
