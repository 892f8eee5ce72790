import { createRoute } from '@hono/zod-openapi';
import { organisationSettingsSchema } from '../contract/organisation.ts';
import { insertAudit } from '../db/audit.ts';
import { ratersCreatePeople, setRatersCreatePeople } from '../db/roster-control.ts';
import { allowRoles } from '../middleware/role-gate.ts';
import { errorResponses } from './error-body.ts';
import { body, json } from './route-parts.ts';
import { newRouter } from './router.ts';

const tags = ['Quản trị'];
const routes = {
  get: createRoute({ method: 'get', path: '/organisation/settings', tags, summary: 'Cài đặt của tổ chức (ai được thêm cán bộ)', responses: { 200: json(organisationSettingsSchema, 'Cài đặt'), ...errorResponses(401) } }),
  put: createRoute({
    middleware: [allowRoles('admin')] as const,
    method: 'put',
    path: '/organisation/settings',
    tags,
    summary: 'Đổi cài đặt của tổ chức (quản trị)',
    request: { body: body(organisationSettingsSchema) },
    responses: { 200: json(organisationSettingsSchema, 'Cài đặt mới'), ...errorResponses(401, 403, 422) },
  }),
};

export function organisationRoutes() {
  const app = newRouter();
  app.openapi(routes.get, async (c) => c.json({ ratersCreatePeople: await ratersCreatePeople(c.get('db'), c.get('caller').orgId) }, 200));
  app.openapi(routes.put, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const settings = c.req.valid('json');
    await db.transaction(async () => {
      const before = await ratersCreatePeople(db, caller.orgId);
      await setRatersCreatePeople(db, caller.orgId, settings.ratersCreatePeople);
      await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'organisation', entityKey: 'settings', action: 'update', oldValues: { ratersCreatePeople: before }, newValues: settings });
    });
    return c.json(settings, 200);
  });
  return app;
}
