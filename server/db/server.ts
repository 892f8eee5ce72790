import postgres from 'postgres';
import { ambientTransactions, type Db } from './database.ts';

type Handle = postgres.Sql | postgres.ReservedSql;

/** PostgreSQL 15+ through postgres.js. JIT is off: it made the bulk push statement 5× slower (research §4.1). */
export function openServer(url: string, max = 10): Db {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { jit: 'off', application_name: 'binh-xet' },
    // Keep int8 and numeric as the SQL casts them; dates stay strings so both adapters agree.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  return ambientTransactions<Handle>(
    'postgres',
    sql,
    {
      query: async (h, text, params) => withoutHoles(await h.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })),
      exec: async (h, text) => {
        await h.unsafe(text);
      },
      begin: (fn) => onReservedConnection(sql, fn),
    },
    () => sql.end({ timeout: 5 }),
  );
}

/**
 * postgres.js 3.4.9 does not reset a connection's row counter when a statement fails after sending rows (an error
 * mid-stream, or PostgreSQL killed mid-statement and the socket reopened), so the next answer on that connection
 * starts at that index with holes before it (porsager/postgres#1181, fix unreleased). The holes lead, so one look at
 * index 0 finds them; the rows themselves are all there and in order.
 */
function withoutHoles<T>(rows: T[]): T[] {
  return rows.length > 0 && !(0 in rows) ? rows.filter(() => true) : rows;
}

const SOCKET_GONE = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'ECONNRESET', 'EPIPE']);

/** The session is over: the socket closed, or PostgreSQL ended it (class 08, or 57P01–57P03 sent as it closes). */
const sessionGone = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SOCKET_GONE.has(code) || /^(08|57P0)/.test(code));
};

/**
 * A transaction on a connection reserved before its BEGIN is sent, not postgres.js 3.4.9's `sql.begin`:
 * `sql.begin` sends BEGIN through the pool, which may pipeline it onto a connection with other queries in
 * flight, and when that write meets the socket's backpressure the connection is never marked as the
 * transaction's (porsager/postgres#823, #1189; fix #1218 unreleased). The push then failed with
 * UNSAFE_TRANSACTION (seen here: 1 push in 1,600 of the load test), and the server-side transaction stayed
 * open on a connection the pool handed to other queries. `sql.reserve()` takes an idle connection and keeps
 * it out of the pool until released, so nothing else runs on it.
 *
 * When the session is gone, nothing more is sent on it (postgres.js 3.4.9 writing ROLLBACK to a dead socket
 * throws outside any promise and kills the process, porsager/postgres#1208; a ROLLBACK queued behind the
 * server's goodbye never settles) and it is not released: the pool has already taken it back as closed, and
 * PostgreSQL rolls back a transaction whose session ended.
 */
async function onReservedConnection<T>(sql: postgres.Sql, fn: (tx: postgres.ReservedSql) => Promise<T>): Promise<T> {
  const tx = await sql.reserve();
  try {
    await tx.unsafe('begin');
    const result = await fn(tx);
    await tx.unsafe('commit');
    tx.release();
    return result;
  } catch (error) {
    // A connection that cannot roll back is not given back to the pool.
    if (!sessionGone(error)) await tx.unsafe('rollback').then(() => tx.release(), () => {});
    throw error;
  }
}
