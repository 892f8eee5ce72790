import type { QuotaSettings } from '../contract/rule-set.ts';
import { cleanText, matchKey } from '../contract/text.ts';

export interface QuotaGroup {
  /** Shown to people: the duty group, unit and duty group, or the whole organisation. */
  label: string;
  unit: string | null;
  dutyGroup: string | null;
  /** Row indices, in input order. */
  members: number[];
}

interface GroupedRow {
  unit: string;
  dutyGroup: string | null;
}

export const WHOLE_ORG_LABEL = 'Toàn cơ quan';
export const NO_DUTY_GROUP_LABEL = 'Không có nhóm chức danh';

interface Name {
  /** As first typed, cleaned; null when blank. */
  text: string | null;
  key: string | null;
}

/** Folds each distinct spelling once: a month has tens of units and duty groups over thousands of rows. */
function nameFolder(): (value: string | null) => Name {
  const seen = new Map<string, Name>();
  const blank: Name = { text: null, key: null };
  return (value) => {
    if (value === null) return blank;
    let name = seen.get(value);
    if (!name) {
      const text = cleanText(value);
      name = text === '' ? blank : { text, key: matchKey(text) };
      seen.set(value, name);
    }
    return name;
  };
}

/**
 * Splits rows into quota groups by the rule set's scope (RULES.md §3). Names match as the contract's
 * matchKey does; a blank duty group is a group of its own. Groups come in order of first appearance.
 */
export function groupForQuota(rows: readonly GroupedRow[], scope: QuotaSettings['scope']): QuotaGroup[] {
  const fold = nameFolder();
  const groups: QuotaGroup[] = [];
  const byUnit = new Map<string | null, Map<string | null, QuotaGroup>>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const unit = scope === 'unit+dutyGroup' ? fold(row.unit) : fold(null);
    const dutyGroup = scope === 'org' ? fold(null) : fold(row.dutyGroup);

    let byDutyGroup = byUnit.get(unit.key);
    if (!byDutyGroup) byUnit.set(unit.key, (byDutyGroup = new Map()));
    const group = byDutyGroup.get(dutyGroup.key);
    if (group) {
      group.members.push(i);
      continue;
    }
    const dutyLabel = dutyGroup.text ?? NO_DUTY_GROUP_LABEL;
    const label = scope === 'org' ? WHOLE_ORG_LABEL : unit.text === null ? dutyLabel : `${unit.text} — ${dutyLabel}`;
    const created: QuotaGroup = { label, unit: unit.text, dutyGroup: dutyGroup.text, members: [i] };
    byDutyGroup.set(dutyGroup.key, created);
    groups.push(created);
  }
  return groups;
}
