import type { Context } from 'hono';
import { z } from 'zod';
import type { ReturnPreference } from '../contract/push.ts';

// The pieces every route definition repeats: a JSON body, a JSON answer, the push headers and answers.

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });

export const pushHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'Idempotency-Key phải dài từ 8 đến 255 ký tự')
    .max(255, 'Idempotency-Key phải dài từ 8 đến 255 ký tự')
    .optional(),
  prefer: z
    .string()
    .optional()
    .meta({
      description:
        'RFC 7240. `return=minimal`: the answer carries the row results, the counts and the period\'s state, not the ' +
        'computed rows, and the service does not compute the period for it (`Preference-Applied: return=minimal`); for ' +
        'every piece but the last of a sheet sent in pieces. Without it (`return=representation`) the whole computed period. ' +
        'Other preferences are ignored.',
      example: 'return=minimal',
    }),
});

/**
 * The `return` preference of a Prefer header (RFC 7240 §4.2). Preferences are comma-separated, their
 * parameters after `;`; the first `return` counts (§2), and anything not understood is ignored.
 */
export function returnPreference(header: string | undefined): ReturnPreference {
  for (const item of (header ?? '').split(',')) {
    const [name = '', value = ''] = item.split(';')[0]!.split('=', 2).map((t) => t.trim());
    if (name.toLowerCase() !== 'return') continue;
    return value.replace(/^"(.*)"$/, '$1').toLowerCase() === 'minimal' ? 'minimal' : 'representation';
  }
  return 'representation';
}

/**
 * Runs a push with its request's idempotency key and `return` preference, then says which answer it gives:
 * a minimal one names the preference applied, and caches key on Prefer (RFC 7240 §2). An error answer says neither.
 */
export async function answerPush<T>(
  c: Context,
  headers: { 'idempotency-key'?: string | undefined; prefer?: string | undefined },
  push: (key: string | null, prefer: ReturnPreference) => Promise<T>,
): Promise<T> {
  const prefer = returnPreference(headers.prefer);
  const answer = await push(headers['idempotency-key'] ?? null, prefer);
  c.header('Vary', 'Prefer', { append: true });
  if (prefer === 'minimal') c.header('Preference-Applied', 'return=minimal');
  return answer;
}

/** A push's 200: the whole computed period, or its minimal answer under `Prefer: return=minimal`. */
export const pushAnswer = <F extends z.ZodType, M extends z.ZodType>(full: F, minimal: M, description: string) => ({
  description: `${description}; với \`Prefer: return=minimal\`: chỉ kết quả từng dòng và trạng thái kỳ`,
  headers: {
    'Preference-Applied': {
      description: '`return=minimal` when the request asked for it: the answer has no computed rows',
      schema: { type: 'string' as const, enum: ['return=minimal'] },
    },
  },
  content: { 'application/json': { schema: z.union([full, minimal]) } },
});

/** Push bodies take rows as loose objects so one bad row never fails the others; this documents a row's shape. */
export function documentRowSchema(app: { openAPIRegistry: OpenAPIRegistryLike }, name: string, schema: z.ZodType): void {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  app.openAPIRegistry.registerComponent('schemas', name, jsonSchema as never);
}

interface OpenAPIRegistryLike {
  registerComponent(type: 'schemas', name: string, component: never): unknown;
}
