import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { createLogger } from './log.ts';
import { bootstrapOrganisation } from './admin/bootstrap.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
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
    corsOrigins: config.CORS_ORIGINS?.split(',').map((o) => o.trim()),
  });
  const tls = config.TLS_CERT && config.TLS_KEY;
  const server = serve({
    fetch: app.fetch,
    port: config.PORT,
    hostname: config.HOST,
    ...(tls
      ? { createServer: createHttpsServer, serverOptions: { cert: readFileSync(config.TLS_CERT!), key: readFileSync(config.TLS_KEY!) } }
      : {}),
  });
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const lines = [
      `Bình Xét đang chạy / is running: ${config.publicUrl} (cổng ${port})`,
      `  Cơ sở dữ liệu: ${db.kind === 'embedded' ? `nhúng (PGlite) trong ${config.DATA_DIR}` : 'PostgreSQL'}`,
      `  Tổ chức: ${organisation.name}`,
      `  Manifest của add-in: ${config.publicUrl}/manifest.xml`,
      `  Trang dùng không cần add-in: ${config.publicUrl}/addin/taskpane.html`,
      `  API: ${config.publicUrl}/docs`,
    ];
    if (newAdminKey) {
      lines.push(
        '',
        `  Khóa quản trị (chỉ hiện một lần, hãy lưu lại) / admin key, shown once:`,
        `  ${newAdminKey}`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Node keeps idle keep-alive sockets open after close(); sweeping them lets the drain finish promptly.
    const sweep = setInterval(() => (server as import('node:http').Server).closeIdleConnections(), 250);
    server.close(async () => {
      clearInterval(sweep);
      await db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
