import type { Caller } from '../access/access.ts';
import type { AssessmentStatus } from '../contract/assessment-status.ts';
import type { PersonRow } from '../contract/person-row.ts';
import type { Db } from '../db/database.ts';
import type { Candidate } from '../people/resolve-people.ts';
import { rejected, type RowResults } from '../push/row-results.ts';
import type { TaskSettings } from '../contract/task-settings.ts';
import { checkGeneralParts, checkStatusChange, GENERAL_PARTS } from '../rules/tasks/index.ts';

type PersonCandidate = Candidate<PersonRow>;

const reject = (c: PersonCandidate, results: RowResults, errors: { field: string; message: string }[]) => {
  results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, errors);
};

/**
 * Before anything is written (research §3.3 TASK-5): the general criteria's parts against the rule set (each
 * within its maximum, their sum equal to Điểm tiêu chí chung; a blank general score takes the sum of all
 * seven), and a status no caller of this role may set whatever the row held (a rater beyond Trưởng đơn vị).
 * Returns the rows that pass, with the filled general score (and the score, when both parts then stand).
 */
export function screenAssessment(caller: Caller, candidates: PersonCandidate[], results: RowResults, settings: TaskSettings): PersonCandidate[] {
  return candidates.filter((c) => {
    const row = c.row;
    if (GENERAL_PARTS.some((p) => row[p.field] !== undefined)) {
      const check = checkGeneralParts(row, row.general ?? null, settings);
      if (check.errors.length > 0) {
        reject(c, results, check.errors);
        return false;
      }
      if (row.general === undefined && check.general !== null) {
        row.general = check.general;
        if (row.score === undefined && row.results !== undefined) row.score = Math.round((check.general + row.results) * 10) / 10;
      }
    }
    if (row.assessmentStatus !== undefined) {
      const verdict = checkStatusChange({ from: null, to: row.assessmentStatus, role: caller.role, ownUnit: true, monthFinalised: false });
      if (!verdict.ok) {
        reject(c, results, [{ field: 'assessmentStatus', message: verdict.message }]);
        return false;
      }
    }
    return true;
  });
}

/** The statuses stored for these people in the period (absent: none yet). */
async function storedStatuses(db: Db, orgId: number, period: string, personIds: number[]): Promise<Map<number, AssessmentStatus>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.query<{ personId: number; status: AssessmentStatus }>(
    `select person_id as "personId", assessment_status as status from person_month
     where org_id = $1 and period = $2 and person_id = any($3::int[]) and assessment_status is not null`,
    [orgId, period, personIds],
  );
  return new Map(rows.map((r) => [r.personId, r.status]));
}

/**
 * Once the rows' people are known: a status moved from the one stored (a rater cannot take a row back from the
 * council), and a blank status cell keeps the stored one, so a sheet without the column never undoes a step.
 * Gives each passing row's status to store.
 */
export async function statusesToStore(
  db: Db,
  caller: Caller,
  period: string,
  candidates: PersonCandidate[],
  results: RowResults,
): Promise<{ kept: PersonCandidate[]; status: Map<PersonCandidate, AssessmentStatus | null> }> {
  const stored = await storedStatuses(db, caller.orgId, period, candidates.map((c) => c.person!.id));
  const status = new Map<PersonCandidate, AssessmentStatus | null>();
  const kept = candidates.filter((c) => {
    const from = stored.get(c.person!.id) ?? null;
    const to = c.row.assessmentStatus;
    if (to === undefined) {
      status.set(c, from);
      return true;
    }
    const verdict = checkStatusChange({ from, to, role: caller.role, ownUnit: true, monthFinalised: false });
    if (!verdict.ok) {
      reject(c, results, [{ field: 'assessmentStatus', message: verdict.message }]);
      return false;
    }
    status.set(c, to);
    return true;
  });
  return { kept, status };
}
