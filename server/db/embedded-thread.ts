import { Worker } from 'node:worker_threads';
import { ambientTransactions, type Db } from './database.ts';

export type WorkerRequest = { id: number; tx?: number } & (
  | { op: 'query'; text: string; params: unknown[] }
  | { op: 'exec'; text: string }
  | { op: 'begin' }
  | { op: 'end'; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'close' }
);
export type WorkerReply = { id: number; result?: unknown; error?: Record<string, unknown> } | { notice: string } | { ready: true };

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

// The worker is TypeScript too: it registers tsx's loader, as `npm start` does, then loads the file. (A Worker
// given `--import tsx` in its execArgv still loads its entry before the loader is registered, on Node 20.)
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./embedded-worker.ts', import.meta.url).href)}); })`;

/**
 * The service's embedded database: PGlite on a worker thread. PGlite runs every statement synchronously on
 * the thread that calls it, so in the service's own thread a push's write statement (seconds for 20,000 rows)
 * would stop every other request, even those the process can answer alone (authentication and /me, from
 * access-directory.ts's cache). On its own thread only queries wait for it; they still wait for a transaction
 * in progress, PGlite being one session. The same SQL as `openEmbedded`; a transaction is held open in the
 * worker between its statements.
 */
export async function openEmbeddedThread(dataDir: string): Promise<Db> {
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { dataDir } });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<() => void>>();
  let nextId = 1;
  let failure: Error | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerReply) => {
      if ('ready' in m) return resolve();
      if ('notice' in m) {
        for (const listener of listeners.get(m.notice) ?? []) listener();
        return;
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(Object.assign(new Error(String(m.error.message)), m.error));
      else p?.resolve(m.result);
    });
    worker.on('error', (error) => {
      failure = error;
      reject(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    worker.on('exit', () => {
      failure ??= Object.assign(new Error('The embedded database thread stopped'), { code: '57P01' });
      reject(failure);
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    });
  });
  const ask = <T>(request: Request): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
  await ready;
  const db = ambientTransactions<number>(
    'embedded',
    0,
    {
      query: (tx, text, params) => ask<unknown[]>({ op: 'query', tx, text, params }),
      exec: async (tx, text) => {
        await ask({ op: 'exec', tx, text });
      },
      begin: async (fn) => {
        const tx = await ask<number>({ op: 'begin' });
        let result;
        try {
          result = await fn(tx);
        } catch (error) {
          await ask({ op: 'end', tx, commit: false }).catch(() => {});
          throw error;
        }
        await ask({ op: 'end', tx, commit: true });
        return result;
      },
    },
    async () => {
      try {
        await ask({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  );
  return {
    ...db,
    listen: async (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      if (set.size === 1) await ask({ op: 'listen', channel });
    },
  };
}
