import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDirectory } from '../../server/access/access-directory.ts';
import { revokeKey } from '../../server/access/access-key-repository.ts';
import { authenticate, issueKey } from '../../server/access/access.ts';
import { updateUser } from '../../server/admin/user-repository.ts';
import { AppError } from '../../server/errors.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, personRows, type Answer, type Org } from './support.ts';

const WAITED = 'waited' as const;

/**
 * Holds a write transaction open, as a long push does (the embedded database has one session), makes `read`
 * from outside it, and ends the transaction when the read answered or 10 s passed.
 */
async function whileWriting(org: Org, read: () => Promise<Answer>): Promise<Answer | typeof WAITED> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const held = org.db.transaction(async () => {
    // What a push writes before its rows: the organisation's next staff code, then a person.
    await org.db.query(`update organisation set next_code = next_code + 1 where id = $1`, [org.orgId]);
    await org.db.query(`insert into unit (org_id, name, name_key) values ($1, 'Khoa giữ khóa', 'khoa giữ khóa') on conflict do nothing`, [org.orgId]);
    opened();
    await gate;
  });
  await open;
  const timer = new AbortController();
  try {
    return await Promise.race([read(), sleep(10_000, WAITED, { signal: timer.signal })]);
  } finally {
    timer.abort();
    release();
    await held;
  }
}

describe.each(testDatabases())('reads while a push writes, on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'reads-during-push');
  });
  afterAll(async () => {
    await org.db.close();
  });

  const me = (key: string) => org.call('GET', '/api/v1/me', { key });

  it("answers a key's authentication and GET /me while a push holds the database, also after other pushes committed", async () => {
    const viewer = await org.user('viewer');
    const council = await org.user('council');
    expect((await me(viewer.key)).status).toBe(200);
    expect((await me(council.key)).status).toBe(200);
    // A push that creates people (it moves the organisation's next code) changes nothing authentication reads.
    const pushed = await org.call('POST', '/api/v1/months/2031-01/people', { body: { rows: personRows(50, 'RD') } });
    expect(pushed.body.counts).toMatchObject({ accepted: 50 });

    const during = await whileWriting(org, () => me(viewer.key));
    expect(during).not.toBe(WAITED);
    expect(during).toMatchObject({ status: 200, body: { user: { id: viewer.id, role: 'viewer' }, organisation: { id: org.orgId } } });
    // A role gate answers without the database too: the council may not create users.
    const refused = await whileWriting(org, () => org.call('GET', '/api/v1/users', { key: council.key }));
    expect(refused).not.toBe(WAITED);
    expect((refused as Answer).status).toBe(403);
  });

  it('refuses a key from the moment its revocation commits, whichever way it was made, and not before', async () => {
    const byApi = await org.user('viewer');
    const byRepository = await org.user('viewer');
    const uncommitted = await org.user('viewer');
    for (const k of [byApi, byRepository]) expect((await me(k.key)).status).toBe(200);

    expect((await org.call('DELETE', `/api/v1/keys/${byApi.keyId}`)).status).toBe(200);
    expect((await me(byApi.key)).status).toBe(401);
    await revokeKey(org.db, org.orgId, byRepository.keyId);
    expect((await me(byRepository.key)).status).toBe(401);

    expect((await me(uncommitted.key)).status).toBe(200);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let revoked!: () => void;
    const written = new Promise<void>((resolve) => (revoked = resolve));
    const revocation = org.db.transaction(async () => {
      await revokeKey(org.db, org.orgId, uncommitted.keyId);
      revoked();
      await gate;
    });
    await written;
    // Not committed yet: a reader elsewhere sees the key as it was (PostgreSQL: read committed).
    const before = await Promise.race([me(uncommitted.key), sleep(10_000, WAITED)]);
    release();
    await revocation;
    expect(before).not.toBe(WAITED);
    expect((before as Answer).status).toBe(200);
    expect((await me(uncommitted.key)).status).toBe(401);
  });

  it('keeps a key working when its revocation rolled back', async () => {
    const k = await org.user('viewer');
    expect((await me(k.key)).status).toBe(200);
    await expect(
      org.db.transaction(async () => {
        await revokeKey(org.db, org.orgId, k.keyId);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await me(k.key)).status).toBe(200);
  });

  it("follows every change of a user, a key's expiry and the organisation's name at once", async () => {
    const rater = await org.user('rater', ['khoa a']);
    const disabled = await org.user('council');
    const expiring = await org.user('viewer');
    for (const k of [rater, disabled, expiring]) expect((await me(k.key)).status).toBe(200);
    const row = { code: 'RD-B1', name: 'Người khoa B', unit: 'Khoa B', score: 80 };
    const push = () => org.call('POST', '/api/v1/months/2031-02/people', { key: rater.key, body: { rows: [row] } });
    expect((await push()).body.results[0].status).toBe('rejected');

    await updateUser(org.db, org.orgId, rater.id, { role: 'rater', units: ['khoa b'], name: 'Người chấm khoa B' });
    expect((await me(rater.key)).body.user).toMatchObject({ name: 'Người chấm khoa B', units: ['khoa b'] });
    expect((await push()).body.results[0].status).toBe('accepted');
    await updateUser(org.db, org.orgId, rater.id, { role: 'viewer' });
    expect((await push()).status).toBe(403);

    await updateUser(org.db, org.orgId, disabled.id, { disabled: true });
    expect((await me(disabled.key)).status).toBe(401);
    await org.db.query(`update access_key set expires_at = now() - interval '1 second' where id = $1`, [expiring.keyId]);
    expect((await me(expiring.key)).status).toBe(401);

    await org.db.query(`update organisation set name = 'Tên mới của tổ chức' where id = $1`, [org.orgId]);
    expect((await me(org.adminKey)).body.organisation.name).toBe('Tên mới của tổ chức');
  });

  it('refuses a key whose expiry passed while it was known, with no change to announce', async () => {
    const user = await org.user('viewer');
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { key } = await issueKey(org.db, org.orgId, user.id, { expiresAt });
    const directory = accessDirectory(org.db);
    const header = `Bearer ${key}`;
    await authenticate(directory, header);
    await sleep(50);
    expect((await authenticate(directory, header)).userId).toBe(user.id);
    const later = Date.now() + 3_600_001;
    await expect(authenticate(directory, header, later)).rejects.toBeInstanceOf(AppError);
  });

  it('still notes when each key was last used', async () => {
    const k = await org.user('viewer');
    expect((await me(k.key)).status).toBe(200);
    await expect
      .poll(async () => (await org.call('GET', '/api/v1/keys')).body.find((x: { id: number }) => x.id === k.keyId)?.lastUsedAt ?? null)
      .not.toBeNull();
  });
});
