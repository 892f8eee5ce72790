import type { StoredInitiativeRow } from './initiative-repository.ts';
import type { Initiative, ResearchTopic, TitleHistoryYear, TitlePersonInput, TitleUnitInput } from '../rules/index.ts';
import type { YearPerson } from './year-inputs.ts';
import type { ComputedYear } from './year-results.ts';

const nonBlank = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';

export interface PersonRecords {
  initiatives: Initiative[];
  researchTopics: ResearchTopic[];
}

/** Initiatives and research topics by staff code, dated up to the end of `year`. */
export function recordsByPerson(rows: readonly StoredInitiativeRow[], year: number): Map<string, PersonRecords> {
  const byCode = new Map<string, PersonRecords>();
  for (const r of rows) {
    if (Number(r.recognisedOn.slice(0, 4)) > year) continue;
    let records = byCode.get(r.code);
    if (!records) {
      records = { initiatives: [], researchTopics: [] };
      byCode.set(r.code, records);
    }
    if (r.kind === 'sáng kiến' && r.level !== null) {
      records.initiatives.push({ title: r.title, level: r.level, recognisedOn: r.recognisedOn });
    } else if (r.kind === 'đề tài') {
      records.researchTopics.push({ title: r.title, acceptedOn: r.recognisedOn });
    }
  }
  return byCode;
}

/** What RULES.md §6 needs of one person in a computed year. */
export function titlePersonInput(
  person: YearPerson,
  level: TitlePersonInput['level'],
  records: PersonRecords | undefined,
  history: readonly TitleHistoryYear[],
): TitlePersonInput {
  const yearly = person.yearly;
  const disciplines = [...person.months.map((m) => m.discipline), yearly?.discipline].filter(nonBlank);
  return {
    key: person.code,
    unit: person.unit,
    sex: person.sex === 'nữ' ? 'nu' : person.sex === 'nam' ? 'nam' : null,
    recruitedOn: person.recruitedOn,
    level,
    disciplines,
    pendingDisciplineCase: yearly?.pendingDisciplineCase ?? false,
    initiatives: records?.initiatives ?? [],
    researchTopics: records?.researchTopics ?? [],
    history,
  };
}

export function titleInputs(
  computed: ComputedYear,
  records: Map<string, PersonRecords>,
  historyOf: (code: string) => readonly TitleHistoryYear[],
): { people: TitlePersonInput[]; units: TitleUnitInput[] } {
  const people = computed.data.people.map((p, i) =>
    titlePersonInput(p, computed.people.rows[i]!.level, records.get(p.code), historyOf(p.code)),
  );
  const units = computed.data.units.map((u, i) => ({ key: u.unit, level: computed.units.rows[i]!.level }));
  return { people, units };
}
