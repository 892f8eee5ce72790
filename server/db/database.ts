import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one interface storage code talks to. Two adapters (PGlite embedded, postgres.js) run the same SQL.
 * Queries inside `transaction` run on that transaction through AsyncLocalStorage, so a repository never
 * has to pass a handle around and can never deadlock a single-session PGlite by querying outside it.
 */
export interface Db {
  readonly kind: 'embedded' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded database only: calls `listener` on each notice of `channel`, delivered when the transaction
   * that sent it commits, before that transaction's promise settles (never for a rolled-back one).
   */
  listen?(channel: string, listener: () => void): Promise<void>;
}

export interface TxRunner<H> {
  query(handle: H, text: string, params: unknown[]): Promise<unknown[]>;
  exec(handle: H, text: string): Promise<void>;
  begin<T>(fn: (tx: H) => Promise<T>): Promise<T>;
}

/** Builds a Db from a root handle and a way to begin transactions on it. */
export function ambientTransactions<H>(
  kind: Db['kind'],
  root: H,
  runner: TxRunner<H>,
  close: () => Promise<void>,
): Db {
  const current = new AsyncLocalStorage<H>();
  return {
    kind,
    query: async <T>(text: string, params: unknown[] = []) =>
      (await runner.query(current.getStore() ?? root, text, params)) as T[],
    exec: (text: string) => runner.exec(current.getStore() ?? root, text),
    transaction: <T>(fn: () => Promise<T>) =>
      current.getStore() !== undefined ? fn() : runner.begin((tx) => current.run(tx, fn)),
    close,
  };
}
