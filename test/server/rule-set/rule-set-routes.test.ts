import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

describe.each(testDatabases())('PUT /rule-set with the removed titles.councilVotePct on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  const withoutThresholds = () => {
    const { voteThresholds: _v, ...dossier } = DEFAULT_RULE_SET.dossier;
    return { ...DEFAULT_RULE_SET, dossier };
  };

  it('uses it as the CSTĐCS vote threshold when the set has none, and says so', async () => {
    const set = withoutThresholds();
    const res = await s.call('PUT', '/api/v1/rule-set', { body: { ...set, titles: { ...set.titles, councilVotePct: 75 } } });
    expect(res.status).toBe(200);
    expect(res.body.notices).toEqual([
      'titles.councilVotePct không còn dùng: ngưỡng biểu quyết CSTĐCS nay là dossier.voteThresholds.CSTDCS (RULES.md §11.2); đã dùng 75% làm dossier.voteThresholds.CSTDCS',
    ]);
    expect(res.body.ruleSet.dossier.voteThresholds).toEqual({ CSTDCS: 75, CSTD_TINH: 90 });
    expect((await s.call('GET', '/api/v1/rule-set')).body.ruleSet.dossier.voteThresholds).toEqual({ CSTDCS: 75, CSTD_TINH: 90 });
  });

  it('ignores it beside voteThresholds, and says that too', async () => {
    const res = await s.call('PUT', '/api/v1/rule-set', {
      body: { ...DEFAULT_RULE_SET, titles: { ...DEFAULT_RULE_SET.titles, councilVotePct: 60 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.notices).toEqual([
      'titles.councilVotePct không còn dùng: ngưỡng biểu quyết CSTĐCS nay là dossier.voteThresholds.CSTDCS (RULES.md §11.2); đã bỏ qua 60% vì bộ quy tắc đã có dossier.voteThresholds',
    ]);
    expect(res.body.ruleSet.dossier.voteThresholds).toEqual(DEFAULT_RULE_SET.dossier.voteThresholds);
  });

  it('answers a set without it, or a preset, with no notices', async () => {
    expect((await s.call('PUT', '/api/v1/rule-set', { body: DEFAULT_RULE_SET })).body.notices).toBeUndefined();
    expect((await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'default' } })).body.notices).toBeUndefined();
  });
});
