import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  accessKeySchema,
  auditEntrySchema,
  auditQuerySchema,
  createKeySchema,
  createUserSchema,
  meSchema,
  newKeySchema,
  rosterSchema,
  updateUserSchema,
  userSchema,
} from '../contract/admin.ts';
import { listAudit } from '../db/audit.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, json } from '../http/openapi-parts.ts';
import { newRouter } from '../http/router.ts';
import { requireRole } from '../access/access.ts';
import { allowRoles } from '../middleware/role-gate.ts';
import { listKeys } from '../access/access-key-repository.ts';
import { addKey, addUser, changeUser, me, roster, withdrawKey } from './admin-service.ts';
import { listUsers } from './user-repository.ts';
const idParam = z.object({ id: z.coerce.number().int() });

const routes = {
  me: createRoute({ method: 'get', path: '/me', tags: ['Quản trị'], summary: 'Người đang dùng khóa này', responses: { 200: json(meSchema, 'Tổ chức và người dùng'), ...errorResponses(401) } }),
  roster: createRoute({ method: 'get', path: '/roster', tags: ['Danh sách'], summary: 'Danh sách đơn vị và cán bộ', responses: { 200: json(rosterSchema, 'Danh sách'), ...errorResponses(401) } }),
  listUsers: createRoute({ middleware: [allowRoles('admin')] as const, method: 'get', path: '/users', tags: ['Quản trị'], summary: 'Người dùng', responses: { 200: json(z.array(userSchema), 'Người dùng'), ...errorResponses(401, 403) } }),
  createUser: createRoute({ middleware: [allowRoles('admin')] as const, method: 'post', path: '/users', tags: ['Quản trị'], summary: 'Tạo người dùng', request: { body: body(createUserSchema) }, responses: { 201: json(userSchema, 'Đã tạo'), ...errorResponses(401, 403, 422) } }),
  updateUser: createRoute({ middleware: [allowRoles('admin')] as const, method: 'patch', path: '/users/{id}', tags: ['Quản trị'], summary: 'Sửa người dùng (vai trò, đơn vị, khóa)', request: { params: idParam, body: body(updateUserSchema) }, responses: { 200: json(userSchema, 'Đã sửa'), ...errorResponses(401, 403, 404, 422) } }),
  listKeys: createRoute({ middleware: [allowRoles('admin')] as const, method: 'get', path: '/keys', tags: ['Quản trị'], summary: 'Khóa truy cập', responses: { 200: json(z.array(accessKeySchema), 'Khóa'), ...errorResponses(401, 403) } }),
  createKey: createRoute({ middleware: [allowRoles('admin')] as const, method: 'post', path: '/keys', tags: ['Quản trị'], summary: 'Cấp khóa truy cập (chỉ hiện một lần)', request: { body: body(createKeySchema) }, responses: { 201: json(newKeySchema, 'Khóa mới'), ...errorResponses(401, 403, 404, 422) } }),
  revokeKey: createRoute({ middleware: [allowRoles('admin')] as const, method: 'delete', path: '/keys/{id}', tags: ['Quản trị'], summary: 'Thu hồi khóa', request: { params: idParam }, responses: { 200: json(accessKeySchema, 'Đã thu hồi'), ...errorResponses(401, 403, 404) } }),
  audit: createRoute({ middleware: [allowRoles('admin', 'council')] as const, method: 'get', path: '/audit', tags: ['Hội đồng'], summary: 'Nhật ký thay đổi (lọc theo người, bản ghi, kỳ)', request: { query: auditQuerySchema }, responses: { 200: json(z.array(auditEntrySchema), 'Nhật ký'), ...errorResponses(401, 403, 422) } }),
};

export function adminRoutes() {
  const app = newRouter();
  app.openapi(routes.me, async (c) => c.json(await me(c.get('directory'), c.get('caller')), 200));
  app.openapi(routes.roster, async (c) => c.json(await roster(c.get('db'), c.get('caller').orgId), 200));
  app.openapi(routes.listUsers, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await listUsers(c.get('db'), c.get('caller').orgId), 200);
  });
  app.openapi(routes.createUser, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await addUser(c.get('db'), c.get('caller'), c.req.valid('json')), 201);
  });
  app.openapi(routes.updateUser, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await changeUser(c.get('db'), c.get('caller'), c.req.valid('param').id, c.req.valid('json')), 200);
  });
  app.openapi(routes.listKeys, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await listKeys(c.get('db'), c.get('caller').orgId), 200);
  });
  app.openapi(routes.createKey, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await addKey(c.get('db'), c.get('caller'), c.req.valid('json')), 201);
  });
  app.openapi(routes.revokeKey, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await withdrawKey(c.get('db'), c.get('caller'), c.req.valid('param').id), 200);
  });
  app.openapi(routes.audit, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin', 'council');
    const q = c.req.valid('query');
    return c.json(await listAudit(c.get('db'), caller.orgId, { actor: q.actor, entityKey: q.record, period: q.period, limit: q.limit, before: q.before }), 200);
  });
  return app;
}
