import { z } from 'zod';
import { TrustedProxies } from './middleware/client-info.ts';
import { isOrigin } from './middleware/pane-csp.ts';

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalText,
  BINHXET_ADMIN_TOKEN: optionalText.refine((t) => t === undefined || t.length >= 16, {
    message: 'BINHXET_ADMIN_TOKEN phải dài ít nhất 16 ký tự',
  }),
  PUBLIC_URL: optionalText,
  TLS_CERT: optionalText,
  TLS_KEY: optionalText,
  ORG_SLUG: z.string().default('truong-chinh-tri-son-la'),
  ORG_NAME: z.string().default('Trường Chính trị tỉnh Sơn La'),
  BODY_LIMIT_MB: z.coerce.number().positive().default(40),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  CORS_ORIGINS: optionalText,
  TRUSTED_PROXIES: optionalText,
  /** Longest wait for a request's headers; also ends connections that open and send nothing (ms). */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  /** Longest time to receive a whole request, body included (a 50,000-row push gzip-packed on a slow uplink: seconds). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1_000),
  /** Pushes one access key may make per minute (a 50,000-row sync is 10). */
  PUSH_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** gzip request bodies unpacked at once. */
  COMPRESSED_REQUESTS_MAX: z.coerce.number().int().min(1).default(4),
});

export type Config = z.infer<typeof envSchema> & { publicUrl: string; corsOrigins: string[] };

/** Reads the environment once at start; a bad value stops the service with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const scheme = c.TLS_CERT && c.TLS_KEY ? 'https' : 'http';
  const publicUrl = (c.PUBLIC_URL ?? `${scheme}://localhost:${c.PORT}`).replace(/\/+$/, '');
  if (c.HEADERS_TIMEOUT_MS > c.REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Cấu hình không hợp lệ (invalid configuration):\n  HEADERS_TIMEOUT_MS phải không lớn hơn REQUEST_TIMEOUT_MS (must not exceed it)');
  }
  try {
    TrustedProxies.parse(c.TRUSTED_PROXIES);
  } catch (error) {
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n  ${(error as Error).message}`);
  }
  const corsOrigins = (c.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const notOrigin = corsOrigins.find((o) => !isOrigin(o));
  if (notOrigin !== undefined) {
    throw new ConfigError(
      `Cấu hình không hợp lệ (invalid configuration):\n  CORS_ORIGINS: "${notOrigin}" không phải một origin như https://may-chu.vn:8443, không có đường dẫn (not an origin)`,
    );
  }
  return { ...c, publicUrl, corsOrigins };
}

export class ConfigError extends Error {}
