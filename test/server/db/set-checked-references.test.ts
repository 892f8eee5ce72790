import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { upsertVersionedRows } from '../../../server/db/versioned-upsert.ts';
import { PERSON_MONTH, UNIT_MONTH } from '../../../server/months/month-repository.ts';
import { testDatabases } from '../../support/databases.ts';

/**
 * The person and unit a pushed row names are checked as a set (migration 009, versioned-upsert.ts), not by a
 * foreign key per row: a row can name neither a missing nor another organisation's person or unit, and a person
 * or unit that rows name can be neither deleted nor re-keyed.
 */
describe.each(testDatabases())('references checked as a set on $name', (database) => {
  let db: Db;
  let orgId: number;
  let otherOrg: number;
  let actor: number;
  let unitId: number;
  let spareUnit: number;
  let people: number[];
  let stranger: number;
  beforeAll(async () => {
    db = await database.open();
    const id = async (text: string, params: unknown[] = []) => (await db.query<{ id: number }>(text, params))[0]!.id;
    orgId = await id(`insert into organisation (slug, name) values ('refs', 'Refs') returning id`);
    otherOrg = await id(`insert into organisation (slug, name) values ('refs-other', 'Other') returning id`);
    actor = await id(`insert into app_user (org_id, name, role) values ($1, 'Quản trị', 'admin') returning id`, [orgId]);
    unitId = await id(`insert into unit (org_id, name, name_key) values ($1, 'Khoa A', 'khoa a') returning id`, [orgId]);
    spareUnit = await id(`insert into unit (org_id, name, name_key) values ($1, 'Khoa B', 'khoa b') returning id`, [orgId]);
    people = (
      await db.query<{ id: number }>(
        `insert into person (org_id, code, full_name, name_key, unit_id)
         values ($1, 'R1', 'Người Một', 'nguoi mot', $2), ($1, 'R2', 'Người Hai', 'nguoi hai', $2) returning id`,
        [orgId, unitId],
      )
    ).map((r) => r.id);
    const otherUnit = await id(`insert into unit (org_id, name, name_key) values ($1, 'Khoa X', 'khoa x') returning id`, [otherOrg]);
    stranger = await id(
      `insert into person (org_id, code, full_name, name_key, unit_id) values ($1, 'X1', 'Người Lạ', 'nguoi la', $2) returning id`,
      [otherOrg, otherUnit],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  const record = (unit: number) => ({
    unitId: unit,
    dutyGroup: null,
    score: 90,
    selfScore: null,
    general: null,
    results: null,
    allTasksDone: null,
    exceededPct: null,
    latePct: null,
    discipline: null,
    note: null,
    leave: null,
  });
  const pushMonth = (period: string, person: number, unit = unitId) =>
    db.transaction(() =>
      upsertVersionedRows(db, PERSON_MONTH, { orgId, scope: period, actor, pushKey: null }, [
        { keys: { personId: people[0]! }, label: 'R1', record: record(unitId), baseVersion: null },
        { keys: { personId: person }, label: 'R?', record: record(unit), baseVersion: null },
      ]),
    );
  const stored = async (period: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from person_month where org_id = $1 and period = $2`, [orgId, period]))[0]!.n;

  it('keeps no foreign key trigger on the pushed tables: the set check replaces it', async () => {
    const keys = await db.query<{ conname: string }>(
      `select conname from pg_constraint where contype = 'f' and conrelid = 'person_month'::regclass
         and confrelid in ('person'::regclass, 'unit'::regclass)`,
    );
    expect(keys).toEqual([]);
  });

  it('writes rows whose people and units exist', async () => {
    const out = await pushMonth('2024-01', people[1]!);
    expect(out.map((o) => o.written)).toEqual([true, true]);
  });

  it('refuses the whole write when a row names a person that does not exist or was deleted', async () => {
    const gone = (await db.query<{ id: number }>(`insert into person (org_id, code, full_name, name_key, unit_id)
      values ($1, 'R9', 'Người Chín', 'nguoi chin', $2) returning id`, [orgId, unitId]))[0]!.id;
    await db.query(`delete from person where id = $1`, [gone]);
    await expect(pushMonth('2024-02', gone)).rejects.toMatchObject({ code: '23503' });
    await expect(pushMonth('2024-02', 987654)).rejects.toMatchObject({ code: '23503' });
    expect(await stored('2024-02')).toBe(0);
  });

  it("refuses a row naming another organisation's person, or a unit that does not exist", async () => {
    await expect(pushMonth('2024-03', stranger)).rejects.toMatchObject({ code: '23503' });
    await expect(pushMonth('2024-03', people[1]!, 987654)).rejects.toMatchObject({ code: '23503' });
    const unitRow = db.transaction(() =>
      upsertVersionedRows(db, UNIT_MONTH, { orgId, scope: '2024-03', actor, pushKey: null }, [
        { keys: { unitId: 987654 }, label: 'Khoa ?', record: { ...record(0), unitId: undefined } as never, baseVersion: null },
      ]),
    );
    await expect(unitRow).rejects.toMatchObject({ code: '23503' });
    expect(await stored('2024-03')).toBe(0);
  });

  it('refuses to delete or re-key a person or unit that stored rows name, and allows it once none does', async () => {
    await pushMonth('2024-04', people[1]!, spareUnit);
    await expect(db.query(`delete from person where id = $1`, [people[1]!])).rejects.toMatchObject({ code: '23503' });
    await expect(db.query(`update person set id = 900001 where id = $1`, [people[1]!])).rejects.toMatchObject({ code: '23503' });
    await expect(db.query(`delete from unit where id = $1`, [spareUnit])).rejects.toMatchObject({ code: '23503' });
    await expect(db.query(`update unit set id = 900002 where id = $1`, [spareUnit])).rejects.toMatchObject({ code: '23503' });
    // A change that keeps the id is no re-keying.
    await db.query(`update person set full_name = 'Người Hai Mới' where id = $1`, [people[1]!]);
    const loose = (await db.query<{ id: number }>(`insert into unit (org_id, name, name_key) values ($1, 'Khoa C', 'khoa c') returning id`, [orgId]))[0]!.id;
    await db.query(`update unit set id = 900003 where id = $1`, [loose]);
    await db.query(`delete from unit where id = 900003`);
    expect(await db.query(`select id from unit where id in ($1, 900003)`, [loose])).toEqual([]);
  });

  it.runIf(database.name === 'postgres')('holds its people against a delete racing the push, and refuses a person deleted while it waited', async () => {
    const fresh = async (code: string) =>
      (await db.query<{ id: number }>(`insert into person (org_id, code, full_name, name_key, unit_id)
        values ($1, $2, 'Người Mới', 'nguoi moi', $3) returning id`, [orgId, code, unitId]))[0]!.id;
    const waitForLock = async () => {
      // Until another session of this database waits on a lock (the racing statement has reached it).
      for (let i = 0; i < 200; i++) {
        const [w] = await db.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (w!.n > 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the racing statement never waited on a lock');
    };

    // A push holds its person; a delete started meanwhile waits for it, then finds the person named and is refused.
    const held = await fresh('R5');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const push = db.transaction(async () => {
      await upsertVersionedRows(db, PERSON_MONTH, { orgId, scope: '2024-05', actor, pushKey: null }, [
        { keys: { personId: held }, label: 'R5', record: record(unitId), baseVersion: null },
      ]);
      written();
      await released;
    });
    // The delete starts once the push holds its person, whichever session the pool would have served first.
    await wrote;
    const deletion = db.query(`delete from person where id = $1`, [held]).then(() => 'deleted', (e: { code?: string }) => e.code);
    await waitForLock();
    release();
    await push;
    expect(await deletion).toBe('23503');

    // A person deleted by a transaction not yet committed: the push waits for it, then refuses the whole write.
    const doomed = await fresh('R6');
    let commit!: () => void;
    const committing = new Promise<void>((r) => (commit = r));
    let deleted!: () => void;
    const gone = new Promise<void>((r) => (deleted = r));
    const remover = db.transaction(async () => {
      await db.query(`delete from person where id = $1`, [doomed]);
      deleted();
      await committing;
    });
    // The push starts once the delete holds the person's row.
    await gone;
    const racingPush = db
      .transaction(() =>
        upsertVersionedRows(db, PERSON_MONTH, { orgId, scope: '2024-06', actor, pushKey: null }, [
          { keys: { personId: doomed }, label: 'R6', record: record(unitId), baseVersion: null },
        ]),
      )
      .then(() => 'written', (e: { code?: string }) => e.code);
    await waitForLock();
    commit();
    await remover;
    expect(await racingPush).toBe('23503');
    expect(await stored('2024-06')).toBe(0);
  });
});
