import { z } from 'zod';

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
});

export type Config = z.infer<typeof envSchema> & { publicUrl: string };

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
  return { ...c, publicUrl };
}

export class ConfigError extends Error {}
