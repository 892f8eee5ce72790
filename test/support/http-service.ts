import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Db } from '../../server/db/database.ts';
import { startService, type TestService } from './service.ts';

/** The app on a real loopback port, for clients that use real fetch (command line, browser). */
export async function startHttpService(db: Db): Promise<TestService & { url: string; close(): Promise<void> }> {
  const s = await startService(db);
  const server = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ...s,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
