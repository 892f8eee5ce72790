// First: @hono/zod-openapi must extend zod before the contract's schemas load (see test/bench/run.ts).
import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import { testDatabases } from '../support/databases.ts';
import { runAndRecount } from '../load/recount.ts';
import { inProcessTarget, type LoadTarget } from '../load/service.ts';

/**
 * The short form of the load test (test/load; the full one is `npm run bench -- --load`): 10 raters, each its
 * own key for its own unit, push and pull one month for about 5 s over real loopback HTTP, then every invariant
 * is recounted from the database. Never a timing assertion: only that nothing failed and nothing was lost or
 * written twice.
 */
describe.each(testDatabases())('10 raters pushing and pulling for 5 s on $name', (database) => {
  let db: Db;
  let target: LoadTarget;
  beforeAll(async () => {
    db = await database.open();
    target = await inProcessTarget(db, database.name);
  });
  afterAll(async () => {
    await target?.close();
    await db?.close();
  });

  it('answers every request without a 5xx and stores exactly what the answers said', async () => {
    const { run, checks } = await runAndRecount(target, { connections: 10, durationSec: 5, period: '2033-04', timeoutSec: 30 });
    expect(run.pushesSent).toBeGreaterThanOrEqual(10);
    expect(run.tally.acceptedRows).toBeGreaterThanOrEqual(10 * 20);
    expect(target.errorLog()).toEqual([]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toHaveLength(13);
  });
});
