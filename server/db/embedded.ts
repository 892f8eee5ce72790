import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ambientTransactions, type Db } from './database.ts';

type Handle = PGlite | Transaction;

export interface EmbeddedDb extends Db {
  /** The whole data folder as a tarball, to start other databases from (test templates). */
  dump(): Promise<Blob>;
}

/** PGlite in a data folder (or in memory when `dataDir` is undefined), optionally from a dumped template. */
export async function openEmbedded(dataDir: string | undefined, template?: Blob): Promise<EmbeddedDb> {
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(template ? { loadDataDir: template } : {}) });
  return { ...embeddedDb(pg), dump: async () => (await pg.dumpDataDir('none')) as Blob };
}

/** The Db of an open PGlite: queries inside a transaction go through it (AsyncLocalStorage). */
export function embeddedDb(pg: PGlite): Db {
  const db = ambientTransactions<Handle>(
    'embedded',
    pg,
    {
      query: async (h, text, params) => (await h.query(text, params)).rows,
      exec: async (h, text) => {
        await h.exec(text);
      },
      begin: (fn) => pg.transaction((tx) => fn(tx)),
    },
    () => pg.close(),
  );
  return {
    ...db,
    listen: async (channel, listener) => {
      await pg.listen(channel, () => listener());
    },
  };
}
