import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates one row and gives one Vietnamese message per bad field, the first that zod found. */
export function checkRow<S extends z.ZodType>(schema: S, raw: unknown): RowCheck<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.path.length === 0 ? 'Dòng phải là một đối tượng JSON' : issue.message });
  }
  return { ok: false, errors };
}
