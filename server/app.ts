import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { memoryFailureStore, sqlFailureStore } from './db/auth-failures.ts';
import { memoryPushBuckets, sqlPushBuckets } from './db/push-buckets.ts';
import type { Db } from './db/database.ts';
import { databaseDown, sqlState, unstorableValue } from './db/database-errors.ts';
import { AppError } from './errors.ts';
import type { Logger } from './log.ts';
import { authThrottle, type AuthThrottleOptions } from './middleware/auth-throttle.ts';
import { TrustedProxies } from './middleware/client-info.ts';
import { hsts } from './middleware/hsts.ts';
import { paneCsp } from './middleware/pane-csp.ts';
import { pushRate } from './middleware/push-rate.ts';
import { requestBody } from './middleware/request-body.ts';
import { addinRoutes } from './http/addin-routes.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { errorBody } from './http/error-body.ts';
import { docsRoutes } from './http/docs.ts';
import { healthRoutes } from './http/health-routes.ts';
import { organisationRoutes } from './admin/organisation-routes.ts';
import { monthRoutes } from './months/month-routes.ts';
import type { AppEnv } from './http/router.ts';
import { ruleSetRoutes } from './rule-set/rule-set-routes.ts';
import { studentRoutes } from './classes/class-routes.ts';
import { yearRoutes } from './years/year-routes.ts';
import { authenticate } from './access/access.ts';
import { accessDirectory } from './access/access-directory.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  db: Db;
  logger: Logger;
  publicUrl: string;
  bodyLimitBytes?: number;
  corsOrigins?: string[];
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies;
  /** Pushes one access key may make per minute; unset: no limit (in-process tests). */
  pushRatePerMinute?: number;
  /** gzip request bodies unpacked at once (default 4). */
  maxCompressedInFlight?: number;
  /** Limits on failed authentications per key and per client address; false turns them off. */
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
  app.use('*', secureHeaders({ xFrameOptions: false, crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: false, strictTransportSecurity: false }));
  const proxies = options.trustedProxies ?? new TrustedProxies([]);
  app.use('*', hsts(proxies));
  app.use('/addin/*', paneCsp(options.corsOrigins));
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
  const directory = accessDirectory(db);
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('directory', directory);
    await next();
  });
  // The throttle and the key check come before any byte of the body is read or unpacked.
  if (options.authThrottle !== false) {
    const store = db.kind === 'postgres' ? sqlFailureStore(db) : memoryFailureStore();
    app.use('/api/v1/*', authThrottle(store, proxies, options.authThrottle));
  }
  app.use('/api/v1/*', async (c, next) => {
    c.set('caller', await authenticate(directory, c.req.header('authorization')));
    await next();
  });
  if (options.pushRatePerMinute) {
    const buckets = db.kind === 'postgres' ? sqlPushBuckets(db) : memoryPushBuckets();
    app.use('/api/v1/*', pushRate(options.pushRatePerMinute, buckets));
  }
  app.use(
    '/api/v1/*',
    requestBody({ maxBytes: options.bodyLimitBytes ?? 40 * 1024 * 1024, maxCompressedInFlight: options.maxCompressedInFlight ?? 4 }),
  );

  app.route('/', healthRoutes(VERSION));
  app.route('/', addinRoutes(options.publicUrl));
  app.route('/api/v1', monthRoutes());
  app.route('/api/v1', ruleSetRoutes());
  app.route('/api/v1', adminRoutes());
  app.route('/api/v1', yearRoutes());
  app.route('/api/v1', studentRoutes());
  app.route('/api/v1', organisationRoutes());

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
  app.route('/', docsRoutes());

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
