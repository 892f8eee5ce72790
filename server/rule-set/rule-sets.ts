import { DEFAULT_RULE_SET, ruleSetSchema, type RuleSet } from '../contract/rule-set.ts';
import type { Db } from '../db/database.ts';
import { currentRuleSet, insertRuleSet } from './rule-set-repository.ts';
import { insertAudit } from '../db/audit.ts';

export interface VersionedRuleSet {
  version: number;
  ruleSet: RuleSet;
}

/** The organisation's rule set in force; the defaults of RULES.md until an admin replaces it. */
export async function loadRuleSet(db: Db, orgId: number): Promise<VersionedRuleSet> {
  const stored = await currentRuleSet(db, orgId);
  if (!stored) return { version: 0, ruleSet: DEFAULT_RULE_SET };
  // Stored sets were validated when saved; parsing again fills fields added by later versions of the schema.
  const parsed = ruleSetSchema.safeParse(withoutCouncilVotePct(stored.body));
  return { version: stored.version, ruleSet: parsed.success ? parsed.data : DEFAULT_RULE_SET };
}

/**
 * Sets saved before the vote sheet had one vote threshold for the yearly sheet's CSTĐCS vote,
 * `titles.councilVotePct`; it is now `dossier.voteThresholds.CSTDCS` (RULES.md §11.2), the one setting.
 */
export function withoutCouncilVotePct(body: unknown): unknown {
  const set = body as { titles?: { councilVotePct?: unknown }; dossier?: { voteThresholds?: unknown } } | null;
  const pct = set?.titles?.councilVotePct;
  if (set === null || typeof pct !== 'number' || set.dossier?.voteThresholds !== undefined) return body;
  return { ...set, dossier: { ...set.dossier, voteThresholds: { CSTDCS: pct, CSTD_TINH: 90 } } };
}

/**
 * What a rule set sent with the removed `titles.councilVotePct` is told (the schema would drop it silently): used
 * as `dossier.voteThresholds.CSTDCS` when the set gives no thresholds, else ignored. Null without that field.
 */
export function councilVotePctNotice(body: unknown): string | null {
  const set = body as { titles?: { councilVotePct?: unknown }; dossier?: { voteThresholds?: unknown } } | null;
  const pct = set?.titles?.councilVotePct;
  if (set === null || typeof set !== 'object' || pct === undefined) return null;
  const moved = 'titles.councilVotePct không còn dùng: ngưỡng biểu quyết CSTĐCS nay là dossier.voteThresholds.CSTDCS (RULES.md §11.2)';
  if (typeof pct !== 'number') return `${moved}; giá trị đã gửi không phải số nên bị bỏ qua`;
  return set.dossier?.voteThresholds === undefined
    ? `${moved}; đã dùng ${pct}% làm dossier.voteThresholds.CSTDCS`
    : `${moved}; đã bỏ qua ${pct}% vì bộ quy tắc đã có dossier.voteThresholds`;
}

export async function replaceRuleSet(db: Db, orgId: number, ruleSet: RuleSet, userId: number): Promise<VersionedRuleSet> {
  return db.transaction(async () => {
    const before = await currentRuleSet(db, orgId);
    const version = await insertRuleSet(db, orgId, ruleSet, userId);
    await insertAudit(db, orgId, {
      actor: userId,
      entity: 'rule_set',
      entityKey: String(version),
      action: 'replace',
      oldValues: before?.body ?? null,
      newValues: ruleSet,
    });
    return { version, ruleSet };
  });
}
