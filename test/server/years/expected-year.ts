import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import {
  classifyUnitsYear,
  classifyYear,
  estimateRewards,
  proposeTitles,
  rewardClaimsFromProposals,
  type PeriodDecisions,
  type TitlePersonInput,
  type YearMonthInput,
  type YearPersonInput,
  type YearUnitInput,
} from '../../../server/rules/index.ts';
import { finishProposals } from '../../../server/rules/dossier/finish-proposals.ts';
import { YEAR, type SchoolYear } from './school-year.ts';

/**
 * The year computed from scratch with the pure rules, on inputs read here from the rows the test pushed,
 * cell by cell as this test wrote them, not from what the service stored.
 */
type Row = Record<string, unknown>;

const score = (v: unknown) => (typeof v === 'number' ? v : null);
const mark = (v: unknown) => (v === 'Nghỉ thai sản' ? 'maternity' : v === 'Nghỉ' ? 'absent' : null);
const yes = (v: unknown) => (v === 'Có' || v === 'x' ? true : v === 'Không' ? false : null);
const pct = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace('%', '')) : null);
const isoDate = (v: unknown) => (typeof v === 'string' ? `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}` : null);

export interface Decisions {
  person: PeriodDecisions;
  unit: PeriodDecisions;
}

/** Awards in force from the decisions the API lists (withdrawals remove them). */
export function decisionsFrom(list: { subject: 'person' | 'unit'; kind: string; keys: string[]; reason: string }[]): Decisions {
  const awards = { person: new Map<string, string>(), unit: new Map<string, string>() };
  for (const d of list) {
    if (d.kind === 'award') for (const k of d.keys) awards[d.subject].set(k, d.reason);
    if (d.kind === 'withdraw-award') for (const k of d.keys) awards[d.subject].delete(k);
  }
  const fold = (m: Map<string, string>) => ({ raisedRate: null, awards: [...m].map(([key, reason]) => ({ key, reason })) });
  return { person: fold(awards.person), unit: fold(awards.unit) };
}

function peopleInputs(data: SchoolYear): { inputs: YearPersonInput[]; yearly: Map<string, Row> } {
  const people = new Map<string, YearPersonInput & { months: YearMonthInput[] }>();
  data.months.forEach((rows, m) => {
    for (const r of rows) {
      const code = r.code as string;
      const p = people.get(code) ?? { key: code, unit: '', dutyGroup: null, months: [] };
      p.unit = r.unit as string;
      p.dutyGroup = (r.dutyGroup as string) ?? null;
      p.months.push({ month: m + 1, score: score(r.score), mark: mark(r.leave), discipline: (r.discipline as string) ?? null });
      people.set(code, p);
    }
  });
  const yearly = new Map(data.yearly.map((r) => [r.code as string, r]));
  for (const [code, r] of yearly) {
    const p = people.get(code)!;
    p.yearly = { allTasksDone: yes(r.allTasksDone), exceededPct: pct(r.exceededPct), latePct: pct(r.latePct), discipline: null };
  }
  const inputs = [...people.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return { inputs, yearly };
}

export function expectedYear(data: SchoolYear, decisions: Decisions) {
  const { inputs, yearly } = peopleInputs(data);
  const people = classifyYear(inputs, DEFAULT_RULE_SET, decisions.person);
  const disciplinedUnits = new Set(data.months.flat().filter((r) => r.discipline).map((r) => r.unit as string));
  const unitNames = data.unitMonths[0]!.map((u) => u.unit).sort();
  const unitInputs: YearUnitInput[] = unitNames.map((unit) => ({
    key: unit,
    months: data.unitMonths.map((rows, m) => ({ month: m + 1, score: rows.find((u) => u.unit === unit)!.score })),
    memberDisciplined: disciplinedUnits.has(unit),
  }));
  const units = classifyUnitsYear(unitInputs, DEFAULT_RULE_SET, decisions.unit);
  return { inputs, yearly, people, unitInputs, units };
}

export function expectedProposals(data: SchoolYear, decisions: Decisions) {
  const year = expectedYear(data, decisions);
  const codeOf = (r: Row) => (r.code as string) ?? data.months[0]!.find((p) => p.name === r.name)!.code as string;
  const titlePeople: TitlePersonInput[] = year.inputs.map((p, i) => {
    const y = year.yearly.get(p.key);
    const mine = data.initiatives.filter((r) => codeOf(r) === p.key);
    // The sheet writes CSTĐCS years only ("CSTĐCS 2021, 2022").
    const prior = typeof y?.priorTitles === 'string' ? (y.priorTitles.match(/\d{4}/g) ?? []).map(Number) : [];
    return {
      key: p.key,
      unit: p.unit,
      recruitedOn: isoDate(y?.recruitedOn),
      level: year.people.rows[i]!.level,
      disciplines: p.months.flatMap((m) => (m.discipline ? [m.discipline] : [])),
      pendingDisciplineCase: yes(y?.pendingDisciplineCase) ?? false,
      initiatives: mine
        .filter((r) => r.kind !== 'Đề tài')
        .map((r) => ({ title: r.title as string, level: r.level === 'Cấp tỉnh' ? 'tinh' : 'co-so', recognisedOn: isoDate(r.recognisedOn)! })),
      researchTopics: mine.filter((r) => r.kind === 'Đề tài').map((r) => ({ title: r.title as string, acceptedOn: isoDate(r.recognisedOn)! })),
      history: prior.map((h) => ({ year: h, level: null, titles: ['CSTDCS'] })),
    };
  });
  // The yearly sheet's Phiếu đồng ý / Tổng số phiếu is the council's CSTĐCS vote (RULES.md §11.2).
  const votes = year.inputs.flatMap((p) => {
    const y = year.yearly.get(p.key);
    return y?.voteTotal ? [{ holder: 'person' as const, key: p.key, title: 'CSTDCS' as const, members: y.voteTotal as number, present: null, agree: y.voteAgree as number }] : [];
  });
  const titleUnits = year.unitInputs.map((u, i) => ({ key: u.key, level: year.units.rows[i]!.level }));
  const proposed = proposeTitles(YEAR, titlePeople, titleUnits, DEFAULT_RULE_SET);
  const finished = finishProposals(proposed, { registrations: [], votes }, DEFAULT_RULE_SET);
  const titles = {
    // No council decision withdraws a title in this year.
    people: proposed.people.map((p, i) => ({ ...p, proposals: finished.people[i]!.proposals.map((t) => ({ ...t, withdrawn: null })) })),
    units: proposed.units.map((u, i) => ({ ...u, proposals: finished.units[i]!.proposals.map((t) => ({ ...t, withdrawn: null })) })),
  };
  const rewards = estimateRewards(rewardClaimsFromProposals(YEAR, titles as typeof proposed), DEFAULT_RULE_SET);
  return { titles, rewards };
}
