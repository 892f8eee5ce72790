import type { RegistrationSheet } from '../contract/registration-sheets.ts';
import { matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { compareRegistration } from '../rules/registration/compare.ts';
import { yearProposals } from './titles-proposals.ts';

/**
 * The registration sheet with each row's year-end comparison (REG-3), as "Làm mới" writes it into "Kết quả so
 * với đăng ký": the same comparison `/proposals` gives per holder, and «Không có dữ liệu năm» for a holder the
 * year has no data of (left, no months).
 */
export async function withComparison(db: Db, orgId: number, year: string, sheet: RegistrationSheet): Promise<RegistrationSheet> {
  if (sheet.rows.length === 0) return sheet;
  const [proposals, { ruleSet }] = await Promise.all([yearProposals(db, orgId, year), loadRuleSet(db, orgId)]);
  const people = new Map(proposals.people.map((p) => [p.code, p.registration]));
  const units = new Map(proposals.units.map((u) => [matchKey(u.unit), u.registration]));
  return {
    ...sheet,
    rows: sheet.rows.map((r) => {
      const known = r.holder === 'person' ? people.get(r.code ?? '') : units.get(matchKey(r.unit ?? ''));
      const registration = { holder: r.holder, key: r.code ?? r.unit ?? '', titleRegistered: r.titleRegistered, awardRegistered: r.awardRegistered, registeredOn: r.registeredOn };
      return { ...r, comparison: known ?? compareRegistration(r.holder, registration, null, ruleSet.dossier) };
    }),
  };
}
