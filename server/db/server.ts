import postgres from 'postgres';
import { ambientTransactions, type Db } from './database.ts';

type Handle = postgres.Sql | postgres.TransactionSql;

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
      begin: (fn) => sql.begin((tx) => unsettledWhenSocketGone(fn(tx))) as Promise<never>,
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

const SOCKET_GONE = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE']);

/**
 * When a transaction's socket is gone, postgres.js 3.4.9 still writes ROLLBACK to it, and that write throws
 * outside any promise and kills the process (porsager/postgres#1208). `sql.begin` has already rejected
 * with the close, so the transaction's own promise is left unsettled instead: nothing is ever written.
 */
function unsettledWhenSocketGone<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (SOCKET_GONE.has((error as { code?: string } | null)?.code ?? '')) return new Promise<T>(() => {});
    throw error;
  });
}
