import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { swaggerUI } from '@hono/swagger-ui';
import { Hono } from 'hono';
import type { AppEnv } from './router.ts';

const ASSETS = '/docs/assets';
const FILES = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' } as const;

/**
 * The browsable API page, with Swagger UI served from this service's own node_modules (the pinned
 * swagger-ui-dist): no CDN, so it works without Internet and runs only the code installed with the service.
 */
export function docsRoutes() {
  const app = new Hono<AppEnv>();
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/docs', swaggerUI({ url: '/openapi.json', baseUrl: ASSETS, title: 'Bình Xét API' }));
  app.get(`${ASSETS}/swagger-ui-dist/:file`, (c) => {
    const file = c.req.param('file');
    if (!(file in FILES)) return c.notFound();
    const body = readFileSync(`${dist}/${file}`);
    return c.body(body, 200, { 'content-type': FILES[file as keyof typeof FILES], 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
