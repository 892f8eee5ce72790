import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS } from '../../../../server/contract/dossier-settings.ts';
import { voteOutcome } from '../../../../server/rules/votes/vote-rule.ts';

describe('the vote rule (properties)', () => {
  it('never turns a pass into a failure with one more agreeing vote, and passes exactly when 100 × A ≥ T × N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 100 }), fc.nat(), (members, threshold, a) => {
        const agree = a % (members + 1);
        const settings = { ...DEFAULT_DOSSIER_SETTINGS, voteThresholds: { CSTDCS: threshold } };
        const outcome = voteOutcome('CSTDCS', { members, present: null, agree }, settings, 'R');
        expect(outcome.passed).toBe(agree * 100 >= threshold * members);
        if (outcome.passed && agree < members) {
          expect(voteOutcome('CSTDCS', { members, present: null, agree: agree + 1 }, settings, 'R').passed).toBe(true);
        }
      }),
    );
  });
});
