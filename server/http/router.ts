import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/database.ts';
import type { Caller } from '../access/access.ts';
import type { AccessDirectory } from '../access/access-directory.ts';
import { validationError } from './error-body.ts';

export interface AppEnv {
  Variables: { caller: Caller; db: Db; directory: AccessDirectory };
}

/** Every router answers a failed validation with the one error shape, in Vietnamese, naming the fields. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationError(result.error), 422);
    },
  });
}
