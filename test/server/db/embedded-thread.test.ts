import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connect.ts';
import type { Db } from '../../../server/db/database.ts';
import { sqlState } from '../../../server/db/database-errors.ts';
import { startService, type TestService } from '../../support/service.ts';

/** The service's embedded database as `npm start` opens it: PGlite on a thread of its own. */
describe('the embedded database on its own thread', () => {
  const root = mkdtempSync(join(tmpdir(), 'binhxet-thread-'));
  let db: Db;
  let service: TestService;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: join(root, 'data') });
    service = await startService(db);
  });
  afterAll(async () => {
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers authentication and GET /me while a long statement of a push runs', async () => {
    const viewer = await service.user('viewer');
    expect((await service.call('GET', '/api/v1/me', { key: viewer.key })).status).toBe(200);
    let finished = false;
    // A statement that keeps the database busy for 3 s, inside a write transaction, as a push's write does.
    const push = db.transaction(async () => {
      await db.query(`update organisation set next_code = next_code where id = $1`, [service.orgId]);
      await db.query(`select pg_sleep(3)`);
    });
    void push.then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const me = await service.call('GET', '/api/v1/me', { key: viewer.key });
    const answeredDuringTheStatement = !finished;
    await push;
    expect(me.status).toBe(200);
    expect(answeredDuringTheStatement).toBe(true);
  });

  it('keeps transactions whole: a failed one stores nothing, and the error keeps its SQLSTATE', async () => {
    const failed = db.transaction(async () => {
      await db.query(`insert into organisation (slug, name) values ('thread-rollback', 'Tạm')`);
      await db.query(`select 1/0`);
    });
    await expect(failed).rejects.toSatisfy((e) => sqlState(e) === '22012');
    expect(await db.query(`select id from organisation where slug = 'thread-rollback'`)).toEqual([]);
    await db.transaction(async () => {
      await db.query(`insert into organisation (slug, name) values ('thread-commit', 'Giữ')`);
    });
    expect(await db.query(`select name from organisation where slug = 'thread-commit'`)).toEqual([{ name: 'Giữ' }]);
  });
});
