import type { Db } from '../db/database.ts';
import { getOrganisation, type Organisation } from '../admin/organisation-repository.ts';
import { getUser, type User } from '../admin/user-repository.ts';
import { findKeyOwner, touchKey, type KeyOwner } from './access-key-repository.ts';

/** What authentication and `/me` read: keys with their owners, users, organisations. */
export interface AccessDirectory {
  keyOwner(prefix: string): Promise<KeyOwner | undefined>;
  user(orgId: number, id: number): Promise<User | undefined>;
  organisation(id: number): Promise<Organisation | undefined>;
  /** Notes that the key was used ("last used", at most once a minute). */
  touch(keyId: number): Promise<void>;
}

/**
 * On PostgreSQL every read goes to the database (other processes change keys and users, and a read never
 * waits for a push there). On the embedded database, a cache in this process (`cachedDirectory`).
 */
export function accessDirectory(db: Db): AccessDirectory {
  return db.listen ? cachedDirectory(db, db.listen.bind(db)) : databaseDirectory(db);
}

export function databaseDirectory(db: Db): AccessDirectory {
  return {
    keyOwner: (prefix) => findKeyOwner(db, prefix),
    user: (orgId, id) => getUser(db, orgId, id),
    organisation: (id) => getOrganisation(db, id),
    touch: (keyId) => touchKey(db, keyId),
  };
}

const CHANNEL = 'access_change';
const MAX_ENTRIES = 10_000;
const TOUCH_EVERY_MS = 60_000;

/**
 * The embedded database has one session and a push is one transaction, so any query waits for a push in
 * progress (seconds for 20,000 rows). Keys, users and organisations are therefore kept in this process, which
 * alone owns the data folder (lock file): exact, because the database announces every change of them at commit
 * (migration 011's triggers, whatever statement made it) and the cache then forgets everything. A value read
 * while a change was on its way is not kept (the generation moved on), and until the database has confirmed
 * the listening, nothing is kept. Unknown keys are never cached: they go to the database.
 */
export function cachedDirectory(db: Db, listen: NonNullable<Db['listen']>): AccessDirectory {
  const source = databaseDirectory(db);
  const owners = new Map<string, KeyOwner>();
  const users = new Map<string, User>();
  const organisations = new Map<number, Organisation>();
  const touched = new Map<number, number>();
  let generation = 0;
  let listening = false;
  const forget = () => {
    generation++;
    owners.clear();
    users.clear();
    organisations.clear();
  };
  void listen(CHANNEL, forget).then(
    () => {
      listening = true;
    },
    // Without the notices the cache would not be exact: every read then goes to the database.
    () => {},
  );
  const cached = async <K, V extends object>(map: Map<K, V>, key: K, load: () => Promise<V | undefined>): Promise<V | undefined> => {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const keep = listening ? generation : undefined;
    const value = await load();
    if (value !== undefined && keep === generation) {
      if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
      map.set(key, deepFreeze(value));
    }
    return value;
  };
  return {
    keyOwner: (prefix) => cached(owners, prefix, () => source.keyOwner(prefix)),
    user: (orgId, id) => cached(users, `${orgId}:${id}`, () => source.user(orgId, id)),
    organisation: (id) => cached(organisations, id, () => source.organisation(id)),
    touch: async (keyId) => {
      const now = Date.now();
      const last = touched.get(keyId);
      if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
      touched.delete(keyId);
      touched.set(keyId, now);
      if (touched.size > MAX_ENTRIES) touched.delete(touched.keys().next().value!);
      // Not awaited: "last used" is a note, and it would wait behind a push in progress. A failure (the
      // database closing) loses only the note.
      void source.touch(keyId).catch(() => {});
    },
  };
}

function deepFreeze<V extends object>(value: V): V {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') Object.freeze(inner);
  return Object.freeze(value);
}
