import type { RuleSet } from '../contract/rule-set.ts';
import type { Db } from '../db/database.ts';
import { isLeaderRow, taskInput } from '../months/month-tasks.ts';
import { computePersonMonth } from '../months/month-view.ts';
import { monthFromTasks, type MonthFromTasks, type TaskInput } from '../rules/tasks/index.ts';
import { loadPersonYear, type StoredPersonYear } from './person-year-repository.ts';
import { loadDisciplinedUnits, loadPersonMonthsOfYear, loadTasksOfYear, loadUnitMonthsOfYear, type StoredPersonMonthOfYear, type StoredTaskOfYear } from './year-months-repository.ts';
import type { YearMonthInput, YearPersonInput, YearUnitInput } from '../rules/index.ts';

/** A person's year as stored: the months of person_month and the yearly sheet's row. */
export interface YearPerson {
  code: string;
  name: string;
  /** The yearly row's unit, else the unit of the person's last month in the year. */
  unit: string;
  /** The yearly row's duty group when given, else that of the last month. */
  dutyGroup: string | null;
  sex: string | null;
  recruitedOn: string | null;
  months: YearMonthInput[];
  monthScores: (number | null)[];
  maternity: number;
  yearly: StoredPersonYear | null;
}

export interface YearUnit {
  unit: string;
  months: { month: number; score: number | null }[];
  monthScores: (number | null)[];
  memberDisciplined: boolean;
}

export interface YearData {
  year: string;
  /** Everyone with a month or a yearly row in the year, by staff code. */
  people: YearPerson[];
  units: YearUnit[];
}

const twelve = () => Array.from({ length: 12 }, (): number | null => null);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Who = Pick<YearPerson, 'code' | 'name' | 'unit' | 'dutyGroup' | 'sex' | 'recruitedOn'>;

function person(who: Who, yearly: StoredPersonYear | null): YearPerson {
  const { code, name, unit, dutyGroup, sex, recruitedOn } = who;
  return { code, name, unit, dutyGroup, sex, recruitedOn, months: [], monthScores: twelve(), maternity: 0, yearly };
}

/** The year's task rows by staff code and month. */
function tasksByCodeAndMonth(tasks: readonly StoredTaskOfYear[]): Map<string, TaskInput[]> {
  const out = new Map<string, TaskInput[]>();
  for (const t of tasks) {
    const key = `${t.month}\u0000${t.code}`;
    const rows = out.get(key);
    if (rows) rows.push(taskInput(t));
    else out.set(key, [taskInput(t)]);
  }
  return out;
}

/**
 * A leader's result from tasks depends on the levels their month gave everyone they manage (RULES.md §10), so
 * the months where a leader has task rows are computed whole, by the month view's own computePersonMonth;
 * other months need no more than their own rows.
 */
async function leaderMonthsOfYear(
  db: Db,
  orgId: number,
  year: string,
  ruleSet: RuleSet,
  months: readonly StoredPersonMonthOfYear[],
  taskRows: ReadonlyMap<string, TaskInput[]>,
): Promise<Map<number, Map<string, MonthFromTasks>>> {
  const wanted = new Set<number>();
  for (const m of months) if (isLeaderRow(m, ruleSet) && taskRows.has(`${m.month}\u0000${m.code}`)) wanted.add(m.month);
  const computed = await Promise.all(
    [...wanted].map(async (month) => [month, (await computePersonMonth(db, orgId, `${year}-${String(month).padStart(2, '0')}`)).fromTasks] as const),
  );
  return new Map(computed);
}

/**
 * The year's people and units as stored, each month's score the one the month is rated on: with task rows,
 * what monthFromTasks makes of the month row (RULES.md §10), as the month view does.
 */
export async function loadYearData(db: Db, orgId: number, year: string, ruleSet: RuleSet): Promise<YearData> {
  const [months, tasks, yearly, unitMonths, disciplined] = await Promise.all([
    loadPersonMonthsOfYear(db, orgId, year),
    loadTasksOfYear(db, orgId, year),
    loadPersonYear(db, orgId, year),
    loadUnitMonthsOfYear(db, orgId, year),
    loadDisciplinedUnits(db, orgId, year),
  ]);
  const taskRows = tasksByCodeAndMonth(tasks);
  const leaders = await leaderMonthsOfYear(db, orgId, year, ruleSet, months, taskRows);
  const people = new Map<string, YearPerson>();
  for (const m of months) {
    const own = taskRows.get(`${m.month}\u0000${m.code}`);
    const leader = leaders.get(m.month)?.get(m.code);
    const score = leader ? leader.score : own ? monthFromTasks(m, own, ruleSet).score : m.score;
    let p = people.get(m.code);
    if (!p) {
      p = person(m, null);
      people.set(m.code, p);
    }
    // Months come in order, so the last one sets the unit and duty group.
    p.unit = m.unit;
    p.dutyGroup = m.dutyGroup;
    p.months.push({ month: m.month, score, mark: m.leave, discipline: m.discipline });
    p.monthScores[m.month - 1] = score;
    if (m.leave === 'maternity') p.maternity++;
  }
  for (const y of yearly) {
    const p = people.get(y.code);
    if (p) {
      p.yearly = y;
      p.unit = y.unit;
      p.dutyGroup = y.dutyGroup ?? p.dutyGroup;
    } else {
      people.set(y.code, person(y, y));
    }
  }
  const units = new Map<string, YearUnit>();
  const blocked = new Set(disciplined);
  for (const m of unitMonths) {
    let u = units.get(m.unit);
    if (!u) {
      u = { unit: m.unit, months: [], monthScores: twelve(), memberDisciplined: blocked.has(m.unit) };
      units.set(m.unit, u);
    }
    u.months.push({ month: m.month, score: m.score });
    u.monthScores[m.month - 1] = m.score;
  }
  // Sorted here, not by SQL: PGlite and PostgreSQL may collate differently.
  return {
    year,
    people: [...people.values()].sort((a, b) => byText(a.code, b.code)),
    units: [...units.values()].sort((a, b) => byText(a.unit, b.unit)),
  };
}

export function yearPersonInput(p: YearPerson): YearPersonInput {
  const y = p.yearly;
  return {
    key: p.code,
    unit: p.unit,
    dutyGroup: p.dutyGroup,
    months: p.months,
    yearly: y && { allTasksDone: y.allTasksDone, exceededPct: y.exceededPct, latePct: y.latePct, discipline: y.discipline },
  };
}

export function yearUnitInput(u: YearUnit): YearUnitInput {
  return { key: u.unit, months: u.months, memberDisciplined: u.memberDisciplined, yearly: null };
}
