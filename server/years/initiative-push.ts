import type { PushRequest, ReturnPreference, RowResult } from '../contract/push.ts';
import { checkRow } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import { INITIATIVE_FIELD_LABELS, initiativeRowSchema, type InitiativeRow } from '../contract/year-initiative-row.ts';
import type { InitiativePushMinimal, InitiativePushResponse } from '../contract/year-sheets.ts';
import type { Db } from '../db/database.ts';
import { INITIATIVE } from './initiative-repository.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import { upsertVersionedRows } from '../db/versioned-upsert.ts';
import type { Caller } from '../admin/access.ts';
import { onePersonOneRow, refOf, resolvePeople, type Candidate, type RowResults } from '../people/resolve-people.ts';
import { assertCanWriteUnit, countResults, idempotentPush, rejected, type StoredAnswer } from '../push/idempotent-push.ts';
import { writtenRowResult } from '../push/row-results.ts';
import { initiativeSheet, initiativeSheetState } from './year-initiatives-view.ts';

const L = INITIATIVE_FIELD_LABELS;
const toDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function storedForClient(stored: Record<string, unknown>): Record<string, unknown> {
  return {
    title: stored.title,
    level: stored.level ?? null,
    recognisedOn: stored.recognised_on,
    note: stored.note ?? null,
    version: stored.version,
    updatedAt: stored.updated_at,
  };
}

/** Per-row checks before the store: the contract, the year of the date, a rater's units, duplicates. */
function screenInitiatives(caller: Caller, year: string, rows: Record<string, unknown>[]) {
  const results: RowResults = rows.map(() => null);
  const candidates: Candidate<InitiativeRow>[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const check = checkRow(initiativeRowSchema, raw);
    const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim() : null;
    if (!check.ok) {
      results[index] = rejected(index, refOf(raw), code, check.errors);
      return;
    }
    const row = check.value;
    const reject = (field: string, message: string) => {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [{ field, message }]);
    };
    const date = row.recognisedOn!;
    if (date.slice(0, 4) !== year) {
      reject('recognisedOn', `${L.recognisedOn} ${toDmy(date)} không thuộc năm ${year}; ghi vào bảng sáng kiến, đề tài năm ${date.slice(0, 4)}`);
      return;
    }
    const unitKey = row.unit ? matchKey(row.unit) : '';
    const scopeError = row.unit ? assertCanWriteUnit(caller, unitKey) : null;
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [scopeError]);
      return;
    }
    const nameKey = row.name ? matchKey(row.name) : '';
    const who = row.code ? `code:${row.code}` : `name:${nameKey}\u0000${unitKey}`;
    const identity = `${who}\u0000${row.kind}\u0000${matchKey(row.title)}`;
    if (seen.has(identity)) {
      reject('title', `${row.kind === 'sáng kiến' ? 'Sáng kiến' : 'Đề tài'} «${row.title}» của cùng một người xuất hiện nhiều lần trong lần gửi này`);
      return;
    }
    seen.add(identity);
    candidates.push({ index, row, nameKey, unitKey });
  });
  return { candidates, results };
}

/**
 * The initiatives sheet of a year (RULES.md §6): sáng kiến with their level and đề tài, each of a person
 * the service knows (found by staff code, or by name within the unit; never created here), keyed by
 * person, kind and title within the year, pushed with the monthly semantics.
 */
export async function pushInitiatives(
  db: Db,
  caller: Caller,
  year: string,
  body: PushRequest,
  idempotencyKey: string | null,
  prefer: ReturnPreference = 'representation',
): Promise<InitiativePushResponse | InitiativePushMinimal> {
  const { candidates, results } = screenInitiatives(caller, year, body.rows);
  const write = async (): Promise<StoredAnswer> => {
    const unitKeys = [...new Set(candidates.map((c) => c.unitKey).filter((k) => k !== ''))];
    const units = await unitsByKey(db, caller.orgId, unitKeys);
    const unitIds = new Map([...units].map(([k, u]) => [k, u.id]));
    await resolvePeople(db, caller, candidates, unitIds, results, idempotencyKey, null);
    onePersonOneRow(candidates, results, {
      rowKey: (c) => `${c.row.kind}\u0000${matchKey(c.row.title)}`,
      error: (c, where) => ({ field: 'title', message: `${c.row.kind === 'sáng kiến' ? 'Sáng kiến' : 'Đề tài'} «${c.row.title}» của cán bộ ${c.person!.code} đã có ở ${where}` }),
    });
    const ready = candidates.filter((c) => c.person && results[c.index] === null);
    const writes = ready.map((c) => ({
      keys: [c.person!.id, c.row.kind, matchKey(c.row.title)],
      label: `${c.person!.code}: ${c.row.kind} «${c.row.title}»`,
      values: [c.row.title, c.row.level ?? null, c.row.recognisedOn!, c.row.note ?? null],
      baseVersion: c.row.baseVersion ?? null,
    }));
    const outcomes = await upsertVersionedRows(
      db,
      INITIATIVE,
      { orgId: caller.orgId, scope: year, actor: caller.userId, pushKey: idempotencyKey },
      writes,
    );
    ready.forEach((c, i) => {
      const values = writes[i]!.values;
      const row = { index: c.index, ref: c.row.ref ?? null, key: c.person!.code, values };
      results[c.index] = writtenRowResult(INITIATIVE, row, outcomes[i]!, storedForClient);
    });
    const final = results as RowResult[];
    return { results: final, counts: countResults(final) };
  };
  return idempotentPush(
    db,
    caller,
    { kind: 'initiative', period: year, key: idempotencyKey, body, prefer },
    write,
    {
      representation: () => initiativeSheet(db, caller.orgId, year),
      minimal: () => initiativeSheetState(db, caller.orgId, year),
    },
  );
}
