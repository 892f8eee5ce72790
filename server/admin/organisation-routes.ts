import { createRoute } from '@hono/zod-openapi';
import { organisationSettingsSchema } from '../contract/organisation.ts';
import { ratersCreatePeople } from '../people/roster-control-repository.ts';
import { changeOrganisationSettings } from './admin-service.ts';
import { allowRoles } from '../middleware/role-gate.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, json } from '../http/openapi-parts.ts';
import { newRouter } from '../http/router.ts';

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
  app.openapi(routes.put, async (c) => c.json(await changeOrganisationSettings(c.get('db'), c.get('caller'), c.req.valid('json')), 200));
  return app;
}
