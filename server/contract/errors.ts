import { z } from 'zod';

/** The closed set of error codes, each with its HTTP status. Messages are Vietnamese. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_utf8: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  period_finalised: 409,
  idempotency_in_use: 409,
  payload_too_large: 413,
  validation_failed: 422,
  idempotency_mismatch: 422,
  too_many_requests: 429,
  database_unavailable: 503,
  server_busy: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
