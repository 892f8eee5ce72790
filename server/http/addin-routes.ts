import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { renderManifest } from './manifest.ts';
import type { AppEnv } from './router.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PANE_DIR = `${ROOT}dist/addin`;

/** Serves the built task pane (also the browser file page) and the manifest with this server's own URLs. */
export function addinRoutes(publicUrl: string) {
  const app = new Hono<AppEnv>();
  const manifest = renderManifest(readFileSync(`${ROOT}manifest.xml`, 'utf8'), publicUrl);
  app.get('/manifest.xml', (c) => c.body(manifest, 200, { 'content-type': 'application/xml; charset=utf-8' }));
  app.get('/', (c) => c.redirect('/addin/taskpane.html'));
  let files: MiddlewareHandler | null = null;
  app.use('/addin/*', async (c, next) => {
    if (!existsSync(PANE_DIR)) {
      return c.text('Chưa dựng giao diện add-in: chạy "npm run build" (npm start tự làm việc này).', 503);
    }
    files ??= serveStatic({ root: PANE_DIR, rewriteRequestPath: (p) => p.replace(/^\/addin/, '') });
    const res = await files(c, next);
    // Icons must be cacheable for Office; the page itself is revalidated so updates reach users.
    c.header('cache-control', c.req.path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600');
    return res;
  });
  return app;
}
