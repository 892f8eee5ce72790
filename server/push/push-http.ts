import type { Context } from 'hono';
import { z } from 'zod';
import { requireRole } from '../access/access.ts';
import type { PushRequest, ReturnPreference } from '../contract/push.ts';
import type { AppEnv } from '../http/router.ts';
import { runPush, type PushKind, type ScreenedRow } from './push-pipeline.ts';
import type { StoredAnswer } from './row-results.ts';

// A push over HTTP: its headers, its answer, and their OpenAPI description.

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
 * Runs a push of a rater, the council or an admin with its request's idempotency key and `return` preference,
 * then says which answer it gives: a minimal one names the preference applied, and caches key on Prefer
 * (RFC 7240 §2). An error answer says neither.
 */
export async function answerPush<P, C extends ScreenedRow, K, R, Full, Minimal>(
  c: Context<AppEnv>,
  kind: PushKind<P, C, K, R, Full, Minimal>,
  param: P,
  body: PushRequest,
  headers: { 'idempotency-key'?: string | undefined; prefer?: string | undefined },
): Promise<(Full | Minimal) & StoredAnswer> {
  const caller = c.get('caller');
  requireRole(caller, 'admin', 'council', 'rater');
  const prefer = returnPreference(headers.prefer);
  const answer = await runPush(kind, c.get('db'), caller, param, body, headers['idempotency-key'] ?? null, prefer);
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
