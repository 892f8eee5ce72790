import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { TrustedProxies } from './middleware/client-info.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/connect.ts';
import type { Db } from './db/database.ts';
import { createLogger } from './log.ts';
import { bootstrapOrganisation } from './admin/bootstrap.ts';
import { startFailureMessage } from './start-failure.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await serveOn(db, config);
  } catch (error) {
    // The lock file and the database are released before the process says why it stops.
    await db.close().catch(() => {});
    throw error;
  }
}

async function serveOn(db: Db, config: Config): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const { organisation, newAdminKey } = await bootstrapOrganisation(
    db,
    { slug: config.ORG_SLUG, name: config.ORG_NAME },
    config.BINHXET_ADMIN_TOKEN,
  );
  const app = createApp({
    db,
    logger,
    publicUrl: config.publicUrl,
    bodyLimitBytes: Math.round(config.BODY_LIMIT_MB * 1024 * 1024),
    corsOrigins: config.corsOrigins,
    trustedProxies: TrustedProxies.parse(config.TRUSTED_PROXIES),
    pushRatePerMinute: config.PUSH_RATE_PER_MINUTE,
    maxCompressedInFlight: config.COMPRESSED_REQUESTS_MAX,
  });
  const tls = config.TLS_CERT && config.TLS_KEY;
  // A slow or silent client holds a connection only this long: Node checks the timeouts every second.
  const limits = {
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: 1_000,
  };
  const server = serve({
    fetch: app.fetch,
    port: config.PORT,
    hostname: config.HOST,
    ...(tls
      ? { createServer: createHttpsServer, serverOptions: { ...limits, cert: readFileSync(config.TLS_CERT!), key: readFileSync(config.TLS_KEY!) } }
      : { serverOptions: limits }),
  }) as import('node:http').Server;
  // Also as properties: not every Node version reads all of them from the server's options.
  Object.assign(server, { headersTimeout: limits.headersTimeout, requestTimeout: limits.requestTimeout, keepAliveTimeout: limits.keepAliveTimeout });
  server.maxConnections = config.MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  process.stdout.write(startupLines(config, db, organisation.name, port, newAdminKey));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Node keeps idle keep-alive sockets open after close(); sweeping them lets the drain finish promptly.
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    server.close(async () => {
      clearInterval(sweep);
      await db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function startupLines(config: Config, db: Db, organisation: string, port: number, newAdminKey: string | null): string {
  const lines = [
    `Bình Xét đang chạy / is running: ${config.publicUrl} (cổng ${port})`,
    `  Cơ sở dữ liệu: ${db.kind === 'embedded' ? `nhúng (PGlite) trong ${config.DATA_DIR}` : 'PostgreSQL'}`,
    `  Tổ chức: ${organisation}`,
    `  Manifest của add-in: ${config.publicUrl}/manifest.xml`,
    `  Trang dùng không cần add-in: ${config.publicUrl}/addin/taskpane.html`,
    `  API: ${config.publicUrl}/docs`,
  ];
  if (newAdminKey) lines.push('', `  Khóa quản trị (chỉ hiện một lần, hãy lưu lại) / admin key, shown once:`, `  ${newAdminKey}`);
  return lines.join('\n') + '\n';
}

main().catch((error: unknown) => {
  const port = Number(process.env.PORT ?? 3000);
  process.stderr.write(startFailureMessage(error, { port, host: process.env.HOST || '0.0.0.0' }));
  process.exit(1);
});
