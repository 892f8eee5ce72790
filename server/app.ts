import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/database.ts';
import { databaseDown, sqlState, unstorableValue } from './db/database-errors.ts';
import { AppError } from './errors.ts';
import type { Logger } from './log.ts';
import { authThrottle, type AuthThrottleOptions } from './middleware/auth-throttle.ts';
import { requestEncoding } from './middleware/request-encoding.ts';
import { addinRoutes } from './http/addin-routes.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { errorBody } from './http/error-body.ts';
import { healthRoutes } from './http/health-routes.ts';
import { monthRoutes } from './months/month-routes.ts';
import type { AppEnv } from './http/router.ts';
import { ruleSetRoutes } from './rule-set/rule-set-routes.ts';
import { studentRoutes } from './classes/class-routes.ts';
import { yearRoutes } from './years/year-routes.ts';
import { authenticate } from './access/access.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  db: Db;
  logger: Logger;
  publicUrl: string;
  bodyLimitBytes?: number;
  corsOrigins?: string[];
  /** Limits on failed authentications per client address; false turns them off. */
  authThrottle?: Partial<AuthThrottleOptions> | false;
}

/** Builds the service; `main.ts` only reads the environment and serves it, tests call `app.request`. */
export function createApp(options: AppOptions) {
  const { db, logger } = options;
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  // Answers (a 5,000-row month is ≈ 2.5 MB of JSON, ≈ 10 × less packed) and the pane's files, for clients that accept gzip.
  app.use('*', compress());
  // The task pane is framed by Excel (on the web: an iframe of another origin), so no X-Frame-Options.
  app.use('*', secureHeaders({ xFrameOptions: false, crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: false }));
  const origins = new Set([new URL(options.publicUrl).origin, ...(options.corsOrigins ?? [])]);
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (origins.has(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', 'Idempotency-Key', 'Prefer'],
      exposeHeaders: ['Preference-Applied'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      maxAge: 600,
    }),
  );
  const bodyLimitBytes = options.bodyLimitBytes ?? 40 * 1024 * 1024;
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: bodyLimitBytes,
      onError: (c) =>
        c.json(errorBody('payload_too_large', 'Nội dung gửi lên quá lớn; hãy chia nhỏ lần gửi'), 413),
    }),
  );
  // A gzip-compressed body is unpacked within the same limit.
  app.use('/api/*', requestEncoding(bodyLimitBytes));
  app.use('*', async (c, next) => {
    c.set('db', db);
    await next();
  });
  if (options.authThrottle !== false) app.use('/api/v1/*', authThrottle(options.authThrottle));
  app.use('/api/v1/*', async (c, next) => {
    c.set('caller', await authenticate(db, c.req.header('authorization')));
    await next();
  });

  app.route('/', healthRoutes(VERSION));
  app.route('/', addinRoutes(options.publicUrl));
  app.route('/api/v1', monthRoutes());
  app.route('/api/v1', ruleSetRoutes());
  app.route('/api/v1', adminRoutes());
  app.route('/api/v1', yearRoutes());
  app.route('/api/v1', studentRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Bình Xét API',
      version: VERSION,
      description: 'Đánh giá, xếp loại hằng tháng và thi đua, khen thưởng. Mọi lỗi có dạng { "error": { "code", "message", "details" } }.',
    },
    security: [{ Bearer: [] }],
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  app.notFound((c) => c.json(errorBody('not_found', 'Không tìm thấy địa chỉ này'), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.status >= 500) logger.error('failed', { code: err.code, route: c.req.routePath });
      return c.json(errorBody(err.code, err.message, err.details), err.status as 400);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 400) return c.json(errorBody('bad_request', 'Nội dung gửi lên không phải JSON hợp lệ'), 400);
      if (status === 413) return c.json(errorBody('payload_too_large', 'Nội dung gửi lên quá lớn'), 413);
      if (status === 415) return c.json(errorBody('bad_request', 'Nội dung gửi lên phải là JSON (Content-Type: application/json)'), 415 as 400);
      return c.json(errorBody(status === 401 ? 'unauthorised' : 'bad_request', err.message), status as 400);
    }
    if (unstorableValue(err)) {
      return c.json(errorBody('validation_failed', 'Dữ liệu gửi lên có giá trị không lưu được (ký tự NUL, mã Unicode lỗi, số hoặc ngày ngoài giới hạn)'), 422);
    }
    const code = databaseDown(err) ? 'database_unavailable' : 'internal';
    // Only the error's kind and SQLSTATE: a database message can quote the values of a row.
    logger.error('unhandled', { route: c.req.routePath, name: (err as Error).name, sqlstate: sqlState(err) });
    return code === 'database_unavailable'
      ? c.json(errorBody(code, 'Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau ít phút', { retryable: true }), 503)
      : c.json(errorBody('internal', 'Lỗi máy chủ; dữ liệu của lần gửi này chưa được lưu, hãy thử lại'), 500);
  });
  return app;
}
