import { z } from 'zod';
import { isStorableText, unstorableIssue } from './text.ts';

export const ROLES = ['admin', 'council', 'rater', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const userSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(ROLES),
    units: z.array(z.string()).describe('Units a rater may write (normalised names)'),
    createdAt: z.string(),
    disabled: z.boolean(),
  })
  .meta({ id: 'User' });

export const createUserSchema = z
  .object({
    name: z.string().trim().min(1, 'Thiếu tên người dùng').max(200).refine(isStorableText, unstorableIssue('Tên người dùng')),
    role: z.enum(ROLES, { error: 'Vai trò phải là admin, council, rater hoặc viewer' }),
    units: z.array(z.string().trim().min(1).max(200).refine(isStorableText, unstorableIssue('Tên đơn vị'))).max(500).default([]),
  })
  .refine((u) => u.role !== 'rater' || u.units.length > 0, { message: 'Người chấm (rater) cần ít nhất một đơn vị', path: ['units'] })
  .meta({ id: 'CreateUser' });

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200).refine(isStorableText, unstorableIssue('Tên người dùng')).optional(),
    role: z.enum(ROLES).optional(),
    units: z.array(z.string().trim().min(1).max(200).refine(isStorableText, unstorableIssue('Tên đơn vị'))).max(500).optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUser' });

export const accessKeySchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    prefix: z.string().describe('Identifies the key in lists; the key itself is never stored'),
    label: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'AccessKey' });

export const createKeySchema = z
  .object({
    userId: z.number().int(),
    label: z.string().max(200).refine(isStorableText, unstorableIssue('Nhãn khóa')).optional(),
    expiresAt: z.iso.datetime({ offset: true, error: 'Ngày hết hạn phải theo ISO 8601' }).optional(),
  })
  .meta({ id: 'CreateKey' });

export const newKeySchema = z
  .object({ key: z.string().describe('Shown once; store it now'), info: accessKeySchema })
  .meta({ id: 'NewKey' });

export const meSchema = z
  .object({
    organisation: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
    user: userSchema,
  })
  .meta({ id: 'Me' });

export const rosterSchema = z
  .object({
    units: z.array(z.object({ name: z.string() })),
    people: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        dutyGroup: z.string().nullable(),
        title: z.string().nullable(),
        sex: z.string().nullable(),
        recruitedOn: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Roster' });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.number().int().nullable(),
    pushKey: z.string().nullable(),
    entity: z.string(),
    entityKey: z.string(),
    period: z.string().nullable(),
    action: z.string(),
    oldValues: z.unknown(),
    newValues: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuerySchema = z.object({
  actor: z.coerce.number().int().optional(),
  record: z.string().max(200).optional(),
  period: z.string().max(7).optional(),
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
