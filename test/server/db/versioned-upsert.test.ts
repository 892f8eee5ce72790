import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDENT } from '../../../server/classes/student-repository.ts';
import { insertAudit, listAudit } from '../../../server/db/audit.ts';
import type { Db } from '../../../server/db/database.ts';
import { upsertVersionedRows, type VersionedTable, type VersionedWriteRow } from '../../../server/db/versioned-upsert.ts';
import { PERSON_MONTH } from '../../../server/months/month-repository.ts';
import { INITIATIVE } from '../../../server/years/initiative-repository.ts';
import { testDatabases } from '../../support/databases.ts';

/** The set-based write itself: outcomes in the rows' order, and the audit row of each row it wrote. */
describe.each(testDatabases())('the versioned upsert and its audit on $name', (database) => {
  let db: Db;
  let orgId: number;
  let actor: number;
  let unitId: number;
  let people: number[];
  beforeAll(async () => {
    db = await database.open();
    const id = async (text: string, params: unknown[] = []) => (await db.query<{ id: number }>(text, params))[0]!.id;
    orgId = await id(`insert into organisation (slug, name) values ('upsert', 'Upsert') returning id`);
    actor = await id(`insert into app_user (org_id, name, role) values ($1, 'Hội đồng', 'council') returning id`, [orgId]);
    unitId = await id(`insert into unit (org_id, name, name_key) values ($1, 'Khoa A', 'khoa a') returning id`, [orgId]);
    people = (
      await db.query<{ id: number }>(
        `insert into person (org_id, code, full_name, name_key, unit_id)
         values ($1, 'T1', 'Người Một', 'nguoi mot', $2), ($1, 'T2', 'Người Hai', 'nguoi hai', $2) returning id`,
        [orgId, unitId],
      )
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  const write = <K, R>(t: VersionedTable<K, R>, scope: string, rows: VersionedWriteRow<K, R>[]) =>
    db.transaction(() => upsertVersionedRows(db, t, { orgId, scope, actor, pushKey: 'push-1' }, rows));
  const audit = (entityKey: string) =>
    db.query<{ action: string; actor: number; pushKey: string | null; period: string | null; oldValues: unknown; newValues: unknown }>(
      `select action, actor, push_key as "pushKey", period, coalesce(old_values, old_text::jsonb) as "oldValues", coalesce(new_values, new_text::jsonb) as "newValues"
       from audit where org_id = $1 and entity_key = $2 order by id`,
      [orgId, entityKey],
    );
  const month = (score: number, note: string | null) => ({
    unitId,
    dutyGroup: 'Giáo viên',
    score,
    selfScore: 80,
    general: null,
    results: null,
    allTasksDone: true,
    exceededPct: 12.5,
    latePct: null,
    discipline: null,
    note,
    leave: null,
  });
  const person = (i: number) => ({ personId: people[i]! });

  it('audits an insert with every written column as stored, and its version', async () => {
    const out = await write(PERSON_MONTH, '2023-01', [{ keys: person(0), label: 'T1', record: month(85.04, 'ghi chú'), baseVersion: null }]);
    expect(out).toEqual([{ written: true, version: 1, same: false, stored: null }]);
    expect(await audit('T1')).toEqual([
      {
        action: 'insert',
        actor,
        pushKey: 'push-1',
        period: '2023-01',
        oldValues: null,
        newValues: {
          unit_id: unitId,
          duty_group: 'Giáo viên',
          score: 85, // numeric(4,1): what was stored, not what was sent
          self_score: 80,
          general: null,
          results: null,
          all_tasks_done: true,
          exceeded_pct: 12.5,
          late_pct: null,
          discipline: null,
          note: 'ghi chú',
          leave: null,
          leader_organise_pct: null,
          leader_other_pct: null,
          head_score: null,
          general_i1: null,
          general_i2: null,
          general_ii1: null,
          general_ii2: null,
          general_ii3: null,
          general_ii4: null,
          general_iii: null,
          assessment_status: null,
          version: 1,
        },
      },
    ]);
  });

  it('audits an update with only the columns it changed, from what to what, and the versions', async () => {
    const out = await write(PERSON_MONTH, '2023-01', [{ keys: person(0), label: 'T1', record: month(90, null), baseVersion: 1 }]);
    expect(out).toEqual([{ written: true, version: 2, same: false, stored: null }]);
    const entries = await audit('T1');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({
      action: 'update',
      actor,
      pushKey: 'push-1',
      period: '2023-01',
      oldValues: { score: 85, note: 'ghi chú', version: 1 },
      newValues: { score: 90, note: null, version: 2 },
    });
  });

  it('answers a row not written and different with the whole stored row, one unchanged with none, in the rows’ order, and audits only what it wrote', async () => {
    const out = await write(PERSON_MONTH, '2023-01', [
      { keys: person(1), label: 'T2', record: month(70, null), baseVersion: null },
      { keys: person(0), label: 'T1', record: month(90, null), baseVersion: 2 },
    ]);
    expect(out[0]).toEqual({ written: true, version: 1, same: false, stored: null });
    // The stored row already holds these values: unchanged, and no stored row built for it.
    expect(out[1]).toEqual({ written: false, version: 2, same: true, stored: null });
    const [stale] = await write(PERSON_MONTH, '2023-01', [{ keys: person(0), label: 'T1', record: month(60, null), baseVersion: 1 }]);
    expect(stale).toMatchObject({ written: false, version: 2, same: false });
    expect(stale!.stored).toEqual({
      person_id: people[0],
      unit_id: unitId,
      duty_group: 'Giáo viên',
      score: 90,
      self_score: 80,
      general: null,
      results: null,
      all_tasks_done: true,
      exceeded_pct: 12.5,
      late_pct: null,
      discipline: null,
      note: null,
      leave: null,
      leader_organise_pct: null,
      leader_other_pct: null,
      head_score: null,
      general_i1: null,
      general_i2: null,
      general_ii1: null,
      general_ii2: null,
      general_ii3: null,
      general_ii4: null,
      general_iii: null,
      assessment_status: null,
      version: 2,
      updated_at: expect.any(String),
      updated_by: actor,
    });
    expect(await audit('T1')).toHaveLength(2);
    expect((await audit('T2')).map((e) => e.action)).toEqual(['insert']);
  });

  it('audits rows of several keys and of a class the same way', async () => {
    const key = { personId: people[0]!, kind: 'sáng kiến', titleKey: 'day hoc qua tinh huong' };
    const initiative = (level: string) => ({ title: 'Dạy học qua tình huống', level, recognisedOn: '2023-05-10', note: null });
    await write(INITIATIVE, '2023', [{ keys: key, label: 'T1: sáng kiến', record: initiative('co-so'), baseVersion: null }]);
    expect(await write(INITIATIVE, '2023', [{ keys: key, label: 'T1: sáng kiến', record: initiative('tinh'), baseVersion: 1 }])).toEqual([
      { written: true, version: 2, same: false, stored: null },
    ]);
    expect((await audit('T1: sáng kiến')).map((e) => [e.action, e.period, e.oldValues, e.newValues])).toEqual([
      ['insert', '2023', null, { title: 'Dạy học qua tình huống', level: 'co-so', recognised_on: '2023-05-10', note: null, version: 1 }],
      ['update', '2023', { level: 'co-so', version: 1 }, { level: 'tinh', version: 2 }],
    ]);

    const student = (gpa: number, conduct: string) => ({ className: 'TC K45', code: 'HV01', name: 'Nguyễn Thị Ánh', gpa, conduct, discipline: null, note: null });
    await write(STUDENT, 'tc k45', [{ keys: { studentKey: 'hv01' }, label: 'TC K45: HV01', record: student(9.5, 'Tốt'), baseVersion: null }]);
    await write(STUDENT, 'tc k45', [{ keys: { studentKey: 'hv01' }, label: 'TC K45: HV01', record: student(9, 'Khá'), baseVersion: 1 }]);
    expect((await audit('TC K45: HV01')).map((e) => [e.action, e.period, e.oldValues, e.newValues])).toEqual([
      ['insert', null, null, { class_name: 'TC K45', code: 'HV01', full_name: 'Nguyễn Thị Ánh', gpa: 9.5, conduct: 'Tốt', discipline: null, note: null, version: 1 }],
      ['update', null, { gpa: 9.5, conduct: 'Tốt', version: 1 }, { gpa: 9, conduct: 'Khá', version: 2 }],
    ]);
  });

  it('audits text as it was written, whatever characters it holds, and reads old jsonb entries through /audit alike', async () => {
    const note = 'Ghi "chú" \\ tab\tdòng\nmới \u0001 😀 </script>';
    await write(PERSON_MONTH, '2023-02', [{ keys: person(1), label: 'T2', record: month(70, note), baseVersion: null }]);
    await write(PERSON_MONTH, '2023-02', [{ keys: person(1), label: 'T2', record: month(70, `${note}!`), baseVersion: 1 }]);
    const entries = await listAudit(db, orgId, { entityKey: 'T2', period: '2023-02', limit: 10 });
    expect(entries.map((e) => [e.action, e.oldValues, e.newValues])).toEqual([
      ['update', { note, version: 1 }, { note: `${note}!`, version: 2 }],
      ['insert', null, expect.objectContaining({ note, score: 70, all_tasks_done: true, exceeded_pct: 12.5, version: 1 })],
    ]);
    // An entry written before migration 009 (jsonb columns) reads the same way.
    await insertAudit(db, orgId, { actor, entity: 'person_month', entityKey: 'T2', period: '2023-02', action: 'update', oldValues: { score: 70 }, newValues: { score: 71 } });
    const [latest] = await listAudit(db, orgId, { entityKey: 'T2', period: '2023-02', limit: 1 });
    expect([latest!.oldValues, latest!.newValues]).toEqual([{ score: 70 }, { score: 71 }]);
  });
});
