import type { Db } from '../db/database.ts';

export interface Organisation {
  id: number;
  slug: string;
  name: string;
}

/** Finds or creates an organisation by slug. */
export async function ensureOrganisation(db: Db, slug: string, name: string): Promise<Organisation> {
  const [row] = await db.query<Organisation>(
    `insert into organisation (slug, name) values ($1, $2)
     on conflict (slug) do update set slug = excluded.slug
     returning id, slug, name`,
    [slug, name],
  );
  return row!;
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation | undefined> {
  const [row] = await db.query<Organisation>(`select id, slug, name from organisation where id = $1`, [id]);
  return row;
}

/** Serialises the start-up's bootstrap across processes, until the transaction ends. */
export async function lockBootstrap(db: Db): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(7261002)`);
}
