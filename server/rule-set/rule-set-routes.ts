import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RULE_SET_PRESETS, ruleSetSchema } from '../contract/rule-set.ts';
import { AppError } from '../errors.ts';
import { requireRole } from '../access/access.ts';
import { councilVotePctNotice, loadRuleSet, replaceRuleSet, withoutCouncilVotePct } from './rule-sets.ts';
import { errorResponses } from '../http/error-body.ts';
import { newRouter } from '../http/router.ts';
import { allowRoles } from '../middleware/role-gate.ts';

const versioned = z.object({ version: z.number().int(), ruleSet: ruleSetSchema }).meta({ id: 'VersionedRuleSet' });
const replaced = versioned
  .extend({
    notices: z
      .array(z.string())
      .optional()
      .describe('What the service did with fields it no longer reads (e.g. titles.councilVotePct); absent when none'),
  })
  .meta({ id: 'ReplacedRuleSet' });
const replaceBody = z
  .union([ruleSetSchema, z.object({ preset: z.string().describe(`One of: ${Object.keys(RULE_SET_PRESETS).join(', ')}`) })])
  .meta({ id: 'ReplaceRuleSet' });

const getRoute = createRoute({
  method: 'get',
  path: '/rule-set',
  tags: ['Quy tắc'],
  summary: 'Bộ quy tắc đang áp dụng',
  responses: { 200: { description: 'Bộ quy tắc', content: { 'application/json': { schema: versioned } } }, ...errorResponses(401) },
});
const putRoute = createRoute({
  method: 'put',
  middleware: [allowRoles('admin')] as const,
  path: '/rule-set',
  tags: ['Quy tắc'],
  summary: 'Thay bộ quy tắc (quản trị): toàn bộ, hoặc một bộ có sẵn như { "preset": "haiphong-2025" }',
  request: { body: { content: { 'application/json': { schema: replaceBody } }, required: true } },
  responses: { 200: { description: 'Phiên bản mới', content: { 'application/json': { schema: replaced } } }, ...errorResponses(401, 403, 422) },
});

export function ruleSetRoutes() {
  const app = newRouter();
  app.openapi(getRoute, async (c) => c.json(await loadRuleSet(c.get('db'), c.get('caller').orgId), 200));
  app.openapi(putRoute, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin');
    const body = c.req.valid('json');
    // Own keys only: "__proto__" or "constructor" must not find Object.prototype's members.
    const ruleSet = 'preset' in body ? (Object.hasOwn(RULE_SET_PRESETS, body.preset) ? RULE_SET_PRESETS[body.preset] : undefined) : body;
    if (!ruleSet) {
      throw new AppError('validation_failed', `Không có bộ quy tắc "${'preset' in body ? body.preset : ''}"`, {
        presets: Object.keys(RULE_SET_PRESETS),
      });
    }
    // The contract drops unknown fields; the removed councilVotePct is read from the body as sent and answered.
    const raw: unknown = 'preset' in body ? null : await c.req.json();
    const notice = councilVotePctNotice(raw);
    let final = ruleSet;
    if (notice !== null) {
      const carried = ruleSetSchema.safeParse(withoutCouncilVotePct(raw));
      if (carried.success) final = carried.data;
    }
    const saved = await replaceRuleSet(c.get('db'), caller.orgId, final, caller.userId);
    return c.json(notice === null ? saved : { ...saved, notices: [notice] }, 200);
  });
  return app;
}
