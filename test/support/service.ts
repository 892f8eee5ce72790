import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { createUser, type Role } from '../../server/admin/user-repository.ts';
import { createLogger } from '../../server/log.ts';
import { issueKey } from '../../server/admin/access.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';

export interface TestService {
  db: Db;
  app: ReturnType<typeof createApp>;
  orgId: number;
  adminKey: string;
  lines: string[];
  /** Sends a request to the app in-process; `key` null sends no Authorization header. */
  call(method: string, path: string, options?: { body?: unknown; key?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  keyFor(role: Role, units?: string[]): Promise<string>;
}

export async function startService(db: Db, options: { bodyLimitBytes?: number; slug?: string } = {}): Promise<TestService> {
  const adminToken = `admin-token-${Math.random().toString(36).slice(2)}-0000`;
  const { organisation } = await bootstrapOrganisation(db, { slug: options.slug ?? 'test-org', name: 'Trường thử' }, adminToken);
  const lines: string[] = [];
  const app = createApp({
    db,
    logger: createLogger('info', (l) => lines.push(l)),
    publicUrl: 'https://localhost:3000',
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  const call: TestService['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const key = o.key === undefined ? adminToken : o.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (docs page)
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    db,
    app,
    orgId: organisation.id,
    adminKey: adminToken,
    lines,
    call,
    keyFor: async (role, units = []) => {
      const user = await createUser(db, organisation.id, `${role} thử`, role, units);
      return (await issueKey(db, organisation.id, user.id)).key;
    },
  };
}
