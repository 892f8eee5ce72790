import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldError } from '../contract/row-validation.ts';
import type { Db } from '../db/database.ts';
import type { AccessDirectory } from './access-directory.ts';
import { findKeyByHash, insertKey, type AccessKeyInfo } from './access-key-repository.ts';
import type { Role } from '../contract/admin.ts';
import { AppError } from '../errors.ts';

/** Who is calling, as the routes see it after authentication. */
export interface Caller {
  orgId: number;
  userId: number;
  keyId: number;
  role: Role;
  /** Unit name keys a rater may write. */
  units: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Keys are 256 random bits, so a fast hash is enough; the prefix finds the row, the hash is compared in constant time. */
export function keyDigest(key: string): { prefix: string; hash: string } {
  const hash = sha256(key);
  return { prefix: hash.slice(0, 16), hash };
}

export function newKeyText(): string {
  return `bx_${randomBytes(32).toString('base64url')}`;
}

export async function issueKey(
  db: Db,
  orgId: number,
  userId: number,
  options: { label?: string | null; expiresAt?: string | null; key?: string } = {},
): Promise<{ key: string; info: AccessKeyInfo }> {
  const key = options.key ?? newKeyText();
  const { prefix, hash } = keyDigest(key);
  const info = await insertKey(db, {
    orgId,
    userId,
    prefix,
    hash,
    label: options.label ?? null,
    expiresAt: options.expiresAt ?? null,
  });
  return { key, info };
}

export async function keyExists(db: Db, orgId: number, key: string): Promise<boolean> {
  return (await findKeyByHash(db, orgId, keyDigest(key).hash)) !== undefined;
}

const UNAUTHORISED = 'Khóa truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi';

export async function authenticate(directory: AccessDirectory, header: string | undefined, now = Date.now()): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new AppError('unauthorised', 'Thiếu khóa truy cập (Authorization: Bearer …)');
  const key = match[1]!;
  const { prefix, hash } = keyDigest(key);
  const owner = await directory.keyOwner(prefix);
  const expected = Buffer.from(owner?.hash ?? '0'.repeat(64), 'hex');
  const equal = timingSafeEqual(expected, Buffer.from(hash, 'hex'));
  const expired = owner?.expiresAtMs != null && owner.expiresAtMs <= now;
  if (!owner || !equal || owner.revoked || expired || owner.disabled) {
    throw new AppError('unauthorised', UNAUTHORISED);
  }
  await directory.touch(owner.keyId);
  return { orgId: owner.orgId, userId: owner.userId, keyId: owner.keyId, role: owner.role, units: [...owner.units] };
}

/** Throws 403 unless the caller has one of the roles. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) {
    throw new AppError('forbidden', 'Bạn không có quyền thực hiện thao tác này', { role: caller.role });
  }
}

/** Why the caller may not write a unit's rows (or a class's, named among a rater's units); null when it may. */
export function unitScopeError(caller: Caller, unitKey: string): FieldError | null {
  if (caller.role === 'admin' || caller.role === 'council') return null;
  if (caller.role === 'rater' && caller.units.includes(unitKey)) return null;
  return { field: 'unit', message: 'Bạn không được phân công ghi kết quả cho đơn vị này' };
}
