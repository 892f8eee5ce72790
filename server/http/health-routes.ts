import { Hono } from 'hono';
import type { AppEnv } from './router.ts';

export function healthRoutes(version: string) {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    const db = c.get('db');
    await db.query('select 1');
    return c.json({ status: 'ok', database: db.kind, version });
  });
  return app;
}
