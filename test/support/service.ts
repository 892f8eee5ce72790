import { randomBytes } from 'node:crypto';
import { issueKey } from '../../server/access/access.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';
import { createUser } from '../../server/admin/user-repository.ts';
import type { Role } from '../../server/contract/admin.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { createLogger } from '../../server/log.ts';

/** An answer; `T` is what the caller expects the body to be (an error body, on a failure, has `error`). */
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Bearer key; null sends no Authorization header. Defaults to the organisation's admin key. */
  key?: string | null;
  headers?: Record<string, string>;
  /** The client's socket address, as @hono/node-server passes it in `c.env.incoming`. */
  address?: string;
}

export interface TestService {
  db: Db;
  app: ReturnType<typeof createApp>;
  orgId: number;
  adminKey: string;
  /** The app's log lines. */
  lines: string[];
  /** Sends a request to the app in-process. */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  /** A new user of this organisation with one key. */
  user(role: Role, units?: string[]): Promise<{ id: number; key: string; keyId: number }>;
  keyFor(role: Role, units?: string[]): Promise<string>;
}

export interface ServiceOptions extends Partial<Omit<AppOptions, 'db' | 'logger'>> {
  /** The organisation; the same slug on one database is the same organisation (two processes' apps). */
  slug?: string;
}

/**
 * The service in-process with an organisation of its own on `db` (a fresh one unless `slug` names one),
 * bootstrapped as `npm start` does, and its admin key.
 */
export async function startService(db: Db, options: ServiceOptions = {}): Promise<TestService> {
  const { slug = `org-${randomBytes(6).toString('hex')}`, ...appOptions } = options;
  const adminKey = `${slug}-admin-${randomBytes(12).toString('hex')}`;
  const { organisation } = await bootstrapOrganisation(db, { slug, name: `Tổ chức ${slug}` }, adminKey);
  const lines: string[] = [];
  const app = createApp({ db, logger: createLogger('info', (l) => lines.push(l)), publicUrl: 'https://localhost:3000', ...appOptions });
  const call = async <T,>(method: string, path: string, o: CallOptions = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const key = o.key === undefined ? adminKey : o.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    const init = { method, headers, ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}) };
    const env = o.address ? { incoming: { socket: { remoteAddress: o.address } } } : undefined;
    const res = await app.request(path, init, env);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (the docs page)
    }
    return { status: res.status, body: body as T, headers: res.headers };
  };
  const user: TestService['user'] = async (role, units = []) => {
    const created = await createUser(db, organisation.id, `${role} ${slug}`, role, units);
    const { key, info } = await issueKey(db, organisation.id, created.id);
    return { id: created.id, key, keyId: info.id };
  };
  return { db, app, orgId: organisation.id, adminKey, lines, call, user, keyFor: async (role, units) => (await user(role, units)).key };
}
