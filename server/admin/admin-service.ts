import type { z } from 'zod';
import type { createKeySchema, createUserSchema, updateUserSchema } from '../contract/admin.ts';
import type { OrganisationSettings } from '../contract/organisation.ts';
import { matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { insertAudit } from '../db/audit.ts';
import { notFound } from '../errors.ts';
import { listPeople, listUnits } from '../people/roster-repository.ts';
import { ratersCreatePeople, setRatersCreatePeople } from '../people/roster-control-repository.ts';
import { issueKey, type Caller } from '../access/access.ts';
import { revokeKey, type AccessKeyInfo } from '../access/access-key-repository.ts';
import type { AccessDirectory } from '../access/access-directory.ts';
import type { Organisation } from './organisation-repository.ts';
import { createUser, getUser, updateUser, type User } from './user-repository.ts';

// Users and keys change in one transaction with their audit entry: who did it, to which user or key.

export async function me(directory: AccessDirectory, caller: Caller): Promise<{ organisation: Organisation; user: User }> {
  const [organisation, user] = await Promise.all([directory.organisation(caller.orgId), directory.user(caller.orgId, caller.userId)]);
  return { organisation: organisation!, user: user! };
}

/** The organisation's units and people, as the add-in's drop-downs and new month sheets use them. */
export async function roster(db: Db, orgId: number) {
  const [units, people] = await Promise.all([listUnits(db, orgId), listPeople(db, orgId)]);
  return {
    units: units.map((u) => ({ name: u.name })),
    people: people.map(({ code, name, unit, dutyGroup, title, sex, recruitedOn }) => ({ code, name, unit, dutyGroup, title, sex, recruitedOn })),
  };
}

export async function addUser(db: Db, caller: Caller, u: z.output<typeof createUserSchema>): Promise<User> {
  return db.transaction(async () => {
    const created = await createUser(db, caller.orgId, u.name, u.role, u.units.map(matchKey));
    await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'user', entityKey: String(created.id), action: 'insert', newValues: { role: created.role, units: created.units } });
    return created;
  });
}

export async function changeUser(db: Db, caller: Caller, id: number, patch: z.output<typeof updateUserSchema>): Promise<User> {
  return db.transaction(async () => {
    const updated = await updateUser(db, caller.orgId, id, { ...patch, units: patch.units?.map(matchKey) });
    if (!updated) throw notFound('người dùng');
    await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'user', entityKey: String(id), action: 'update', newValues: patch });
    return updated;
  });
}

export async function addKey(db: Db, caller: Caller, req: z.output<typeof createKeySchema>): Promise<{ key: string; info: AccessKeyInfo }> {
  return db.transaction(async () => {
    if (!(await getUser(db, caller.orgId, req.userId))) throw notFound('người dùng');
    const key = await issueKey(db, caller.orgId, req.userId, { label: req.label ?? null, expiresAt: req.expiresAt ?? null });
    await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'access_key', entityKey: String(key.info.id), action: 'insert', newValues: { userId: req.userId, expiresAt: req.expiresAt ?? null } });
    return key;
  });
}

export async function withdrawKey(db: Db, caller: Caller, id: number): Promise<AccessKeyInfo> {
  return db.transaction(async () => {
    const revoked = await revokeKey(db, caller.orgId, id);
    if (!revoked) throw notFound('khóa truy cập');
    await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'access_key', entityKey: String(id), action: 'revoke' });
    return revoked;
  });
}

/** Whether raters may add people to the roster (see README "Who may add people"); the change is audited. */
export async function changeOrganisationSettings(db: Db, caller: Caller, settings: OrganisationSettings): Promise<OrganisationSettings> {
  await db.transaction(async () => {
    const before = await ratersCreatePeople(db, caller.orgId);
    await setRatersCreatePeople(db, caller.orgId, settings.ratersCreatePeople);
    await insertAudit(db, caller.orgId, { actor: caller.userId, entity: 'organisation', entityKey: 'settings', action: 'update', oldValues: { ratersCreatePeople: before }, newValues: settings });
  });
  return settings;
}
