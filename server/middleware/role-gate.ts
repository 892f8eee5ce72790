import type { MiddlewareHandler } from 'hono';
import type { Role } from '../contract/admin.ts';
import type { AppEnv } from '../http/router.ts';
import { requireRole } from '../access/access.ts';

/**
 * The role check as a route's middleware, which @hono/zod-openapi runs before the route's validators: a
 * caller without the role gets 403 whatever it sent, and learns nothing about the body's shape (never 422).
 */
export function allowRoles(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRole(c.get('caller'), ...roles);
    await next();
  };
}
