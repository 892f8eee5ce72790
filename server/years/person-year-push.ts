import type { PushRequest, ReturnPreference, RowResult } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { PERSON_YEAR_FIELD_LABELS, personYearRowCrossField, personYearRowSchema, type PersonYearRow } from '../contract/year-person-row.ts';
import { parsePriorTitles } from '../contract/year-prior-titles.ts';
import type { PersonYearPushMinimal, PersonYearPushResponse } from '../contract/year-sheets.ts';
import type { Db } from '../db/database.ts';
import { PERSON_YEAR } from './person-year-repository.ts';
import { updatePeople, type NewPerson, type PersonRecord } from '../people/roster-repository.ts';
import { upsertVersionedRows } from '../db/versioned-upsert.ts';
import type { Caller } from '../admin/access.ts';
import {
  ensureRowUnits,
  onePersonOneRow,
  personFields,
  resolvePeople,
  screenPersonRows,
  type Candidate,
  type RowResults,
} from '../people/resolve-people.ts';
import { countResults, idempotentPush, rejected, type StoredAnswer } from '../push/idempotent-push.ts';
import { numberOrNull, writtenRowResult } from '../push/row-results.ts';
import { personYearSheet, personYearState } from './year-people-view.ts';

function yearValues(row: PersonYearRow, unitId: number, dutyGroup: string | null): unknown[] {
  return [
    unitId,
    dutyGroup,
    row.allTasksDone ?? null,
    row.exceededPct ?? null,
    row.latePct ?? null,
    row.discipline ?? null,
    row.pendingDisciplineCase ?? null,
    row.voteAgree ?? null,
    row.voteTotal ?? null,
    row.priorTitles ?? null,
    row.note ?? null,
  ];
}

function storedForClient(stored: Record<string, unknown>): Record<string, unknown> {
  return {
    dutyGroup: stored.duty_group ?? null,
    allTasksDone: stored.all_tasks_done ?? null,
    exceededPct: numberOrNull(stored.exceeded_pct),
    latePct: numberOrNull(stored.late_pct),
    discipline: stored.discipline ?? null,
    pendingDisciplineCase: stored.pending_discipline_case ?? null,
    voteAgree: numberOrNull(stored.vote_agree),
    voteTotal: numberOrNull(stored.vote_total),
    priorTitles: stored.prior_titles ?? null,
    note: stored.note ?? null,
    version: stored.version,
    updatedAt: stored.updated_at,
  };
}

/** Earlier titles may only name years before this one; this year's come from the data. */
function checkPriorYears(year: number, candidates: Candidate<PersonYearRow>[], results: RowResults): Candidate<PersonYearRow>[] {
  return candidates.filter((c) => {
    const parsed = c.row.priorTitles === undefined ? null : parsePriorTitles(c.row.priorTitles);
    const late = parsed?.ok ? parsed.entries.filter((e) => e.year >= year) : [];
    if (late.length === 0) return true;
    results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [
      {
        field: 'priorTitles',
        message: `${PERSON_YEAR_FIELD_LABELS.priorTitles} chỉ ghi các năm trước ${year} (có năm ${late.map((e) => e.year).join(', ')})`,
      },
    ]);
    return false;
  });
}

/**
 * The yearly sheet's rows (RULES.md §5–6) go the monthly way: per-row checks, people found or created as
 * on the monthly sheet (a row's Ngày tuyển dụng and Giới tính update the person), one statement, one
 * transaction, refused when the council has finalised the year.
 */
export async function pushYearPeople(
  db: Db,
  caller: Caller,
  year: string,
  body: PushRequest,
  idempotencyKey: string | null,
  prefer: ReturnPreference = 'representation',
): Promise<PersonYearPushResponse | PersonYearPushMinimal> {
  const screened = screenPersonRows(caller, body.rows, rowChecker(personYearRowSchema, personYearRowCrossField));
  const { results } = screened;
  const candidates = checkPriorYears(Number(year), screened.candidates, results);
  const write = async (): Promise<StoredAnswer> => {
    const unitIds = await ensureRowUnits(db, caller.orgId, candidates);
    await resolvePeople(db, caller, candidates, unitIds, results, idempotencyKey, (c) => personFields(c, unitIds));
    onePersonOneRow(candidates, results);
    const ready = candidates.filter((c) => c.person && results[c.index] === null);
    // A blank Nhóm chức danh on the yearly sheet keeps the person's: the months say which group they were in.
    const dutyGroupOf = (c: Candidate<PersonYearRow>) => c.row.dutyGroup ?? c.person!.dutyGroup;
    const writes = ready.map((c) => ({
      keys: [c.person!.id],
      label: c.person!.code,
      values: yearValues(c.row, unitIds.get(c.unitKey)!, c.row.dutyGroup ?? null),
      baseVersion: c.row.baseVersion ?? null,
    }));
    const outcomes = await upsertVersionedRows(
      db,
      PERSON_YEAR,
      { orgId: caller.orgId, scope: year, actor: caller.userId, pushKey: idempotencyKey },
      writes,
    );
    const accepted: (NewPerson & { id: number; stored: PersonRecord })[] = [];
    ready.forEach((c, i) => {
      const write = writes[i]!;
      const result = writtenRowResult(
        PERSON_YEAR,
        { index: c.index, ref: c.row.ref ?? null, key: write.label, values: write.values },
        outcomes[i]!,
        storedForClient,
      );
      results[c.index] = result;
      if (result.status !== 'conflict') {
        // Object.assign, not a spread followed by fields: V8 builds that literal on its slow path.
        accepted.push(Object.assign(personFields(c, unitIds), { dutyGroup: dutyGroupOf(c), code: c.person!.code, id: c.person!.id, stored: c.person! }));
      }
    });
    await updatePeople(db, caller.orgId, accepted, caller.userId, idempotencyKey);
    const final = results as RowResult[];
    return { results: final, counts: countResults(final) };
  };
  return idempotentPush(
    db,
    caller,
    { kind: 'person-year', period: year, key: idempotencyKey, body, prefer },
    write,
    {
      representation: () => personYearSheet(db, caller.orgId, year),
      minimal: () => personYearState(db, caller.orgId, year),
    },
  );
}
