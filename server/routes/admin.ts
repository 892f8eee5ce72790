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
import { matchKey } from '../contract/text.ts';
import { listKeys, revokeKey } from '../db/access-keys.ts';
import { insertAudit, listAudit } from '../db/audit.ts';
import { getOrganisation } from '../db/organisations.ts';
import { listPeople, listUnits } from '../db/roster.ts';
import { createUser, getUser, listUsers, updateUser } from '../db/users.ts';
import { notFound } from '../errors.ts';
import { allowRoles } from '../middleware/role-gate.ts';
import { issueKey, requireRole } from '../services/access.ts';
import { errorResponses } from './error-body.ts';
import { newRouter } from './router.ts';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });
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
  app.openapi(routes.me, async (c) => {
    const { orgId, userId } = c.get('caller');
    const db = c.get('db');
    const [organisation, user] = await Promise.all([getOrganisation(db, orgId), getUser(db, orgId, userId)]);
    return c.json({ organisation: organisation!, user: user! }, 200);
  });
  app.openapi(routes.roster, async (c) => {
    const { orgId } = c.get('caller');
    const db = c.get('db');
    const [units, people] = await Promise.all([listUnits(db, orgId), listPeople(db, orgId)]);
    return c.json(
      {
        units: units.map((u) => ({ name: u.name })),
        people: people.map(({ code, name, unit, dutyGroup, title, sex, recruitedOn }) => ({ code, name, unit, dutyGroup, title, sex, recruitedOn })),
      },
      200,
    );
  });
  app.openapi(routes.listUsers, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await listUsers(c.get('db'), c.get('caller').orgId), 200);
  });
  app.openapi(routes.createUser, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin');
    const u = c.req.valid('json');
    const db = c.get('db');
    const user = await db.transaction(async () => {
      const created = await createUser(db, caller.orgId, u.name, u.role, u.units.map(matchKey));
      await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'user', entityKey: String(created.id), action: 'insert', newValues: { role: created.role, units: created.units } });
      return created;
    });
    return c.json(user, 201);
  });
  app.openapi(routes.updateUser, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin');
    const patch = c.req.valid('json');
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const user = await db.transaction(async () => {
      const updated = await updateUser(db, caller.orgId, id, { ...patch, units: patch.units?.map(matchKey) });
      if (!updated) throw notFound('người dùng');
      await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'user', entityKey: String(id), action: 'update', newValues: patch });
      return updated;
    });
    return c.json(user, 200);
  });
  app.openapi(routes.listKeys, async (c) => {
    requireRole(c.get('caller'), 'admin');
    return c.json(await listKeys(c.get('db'), c.get('caller').orgId), 200);
  });
  app.openapi(routes.createKey, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin');
    const req = c.req.valid('json');
    const db = c.get('db');
    const issued = await db.transaction(async () => {
      if (!(await getUser(db, caller.orgId, req.userId))) throw notFound('người dùng');
      const key = await issueKey(db, caller.orgId, req.userId, { label: req.label ?? null, expiresAt: req.expiresAt ?? null });
      await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'access_key', entityKey: String(key.info.id), action: 'insert', newValues: { userId: req.userId, expiresAt: req.expiresAt ?? null } });
      return key;
    });
    return c.json(issued, 201);
  });
  app.openapi(routes.revokeKey, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin');
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const key = await db.transaction(async () => {
      const revoked = await revokeKey(db, caller.orgId, id);
      if (!revoked) throw notFound('khóa truy cập');
      await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'access_key', entityKey: String(id), action: 'revoke' });
      return revoked;
    });
    return c.json(key, 200);
  });
  app.openapi(routes.audit, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin', 'council');
    const q = c.req.valid('query');
    return c.json(await listAudit(c.get('db'), caller.orgId, { actor: q.actor, entityKey: q.record, period: q.period, limit: q.limit, before: q.before }), 200);
  });
  return app;
}
