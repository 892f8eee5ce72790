import { describe, expect, inject, it } from 'vitest';
import { openServer } from '../../../server/db/server.ts';
import { testDatabases } from '../../support/databases.ts';

// postgres.js 3.4.9 keeps a connection's row counter when a statement fails after sending some rows (an error
// mid-stream, or PostgreSQL killed mid-statement and the socket reopened): the next answer on that connection
// came back with leading holes (porsager/postgres#1181). `const [row] = …` then read undefined, so after a
// PostgreSQL restart a valid key was refused with 401.
describe.each(testDatabases().filter((d) => d.name === 'postgres'))('answers read through the PostgreSQL adapter ($name)', () => {
  it('hold every row from index 0 after a statement failed part way through its rows', async () => {
    const db = openServer(inject('postgresUrl')!, 1);
    try {
      const failed = await db.query(`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`).catch((e: Error) => e);
      expect(failed).toBeInstanceOf(Error);
      const rows = await db.query<{ x: number }>(`select x from generate_series(1, 5) x`);
      expect(rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 5]);
      expect(rows).toHaveLength(5);
      const [first] = await db.query<{ one: number }>(`select 1 as one`);
      expect(first).toEqual({ one: 1 });
    } finally {
      await db.close();
    }
  });
});
