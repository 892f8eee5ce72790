import type { Db } from '../../server/db/database.ts';

/**
 * `--trace`: where a push's database time goes, statement by statement, as the service sees it (round trip
 * included). Wraps the Db the app is given; the transaction context is the inner Db's, so nothing changes.
 */
export interface StatementTrace {
  db: Db;
  reset(): void;
  lines(title: string, totalMs: number): string[];
}

const label = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 90);

/** A bulk statement: one that carries arrays of at least this many values. */
const BULK = 100;
const isBulk = (params: unknown[] | undefined) => (params ?? []).some((p) => Array.isArray(p) && p.length >= BULK);

/**
 * With `explain`, each bulk statement first runs under EXPLAIN (ANALYZE, BUFFERS) inside a savepoint that
 * is rolled back, then for real; its plan goes to stderr. (Push statements all run inside a transaction.)
 */
export function traceStatements(inner: Db, explain = false): StatementTrace {
  let seen = new Map<string, { n: number; ms: number }>();
  const db: Db = {
    ...inner,
    query: async <T>(text: string, params?: unknown[]) => {
      if (explain && isBulk(params)) {
        await inner.query('savepoint bench_explain');
        const plan = await inner.query<Record<string, string>>(`explain (analyze, buffers) ${text}`, params);
        await inner.query('rollback to savepoint bench_explain');
        process.stderr.write(`\n-- ${label(text)}\n${plan.map((r) => String(Object.values(r)[0]).slice(0, 200)).join('\n')}\n`);
      }
      const started = performance.now();
      try {
        return await inner.query<T>(text, params);
      } finally {
        const key = label(text);
        const entry = seen.get(key) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += performance.now() - started;
        seen.set(key, entry);
      }
    },
  };
  return {
    db,
    reset: () => {
      seen = new Map();
    },
    lines: (title, totalMs) => {
      const entries = [...seen].sort((a, b) => b[1].ms - a[1].ms);
      const inDb = entries.reduce((s, [, e]) => s + e.ms, 0);
      return [
        `${title}: ${totalMs.toFixed(0)} ms, of which ${inDb.toFixed(0)} ms in ${entries.reduce((s, [, e]) => s + e.n, 0)} statements, ${(totalMs - inDb).toFixed(0)} ms in Node`,
        ...entries.slice(0, 8).map(([text, e]) => `  ${e.ms.toFixed(0).padStart(7)} ms ×${e.n}  ${text}`),
      ];
    },
  };
}
