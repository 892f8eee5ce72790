import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest } from './embedded-thread.ts';

// PGlite on a thread of its own (see embedded-thread.ts): it runs each statement synchronously, which would
// otherwise stop the service's event loop for as long as a push's write statement takes.

const port = parentPort!;
const pg = await PGlite.create({ dataDir: (workerData as { dataDir: string }).dataDir });
const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }>();

const reply = (message: WorkerReply) => port.postMessage(message);

/** A database error's plain fields (its SQLSTATE `code`, detail, constraint…), which database-errors.ts reads on the other side. */
function fields(error: unknown): Record<string, unknown> {
  const e = error as Record<string, unknown>;
  const out: Record<string, unknown> = { message: String(e?.message ?? error), name: String(e?.name ?? 'Error') };
  for (const [k, v] of Object.entries(e ?? {})) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

async function handle(m: WorkerRequest): Promise<unknown> {
  const on = m.tx ? open.get(m.tx)?.tx : pg;
  if (!on) throw new Error(`transaction ${m.tx} has ended`);
  switch (m.op) {
    case 'query':
      return (await on.query(m.text, m.params)).rows;
    case 'exec':
      await on.exec(m.text);
      return null;
    case 'begin': {
      let end!: (commit: boolean) => void;
      let started!: (tx: Transaction) => void;
      const ready = new Promise<Transaction>((resolve) => (started = resolve));
      const done = pg.transaction(
        (tx) =>
          new Promise<void>((resolve, reject) => {
            end = (commit) => (commit ? resolve() : reject(new Error('rollback')));
            started(tx);
          }),
      );
      done.catch(() => {});
      const tx = await Promise.race([ready, done.then(() => Promise.reject(new Error('transaction ended before it began')))]);
      open.set(m.id, { tx, end, done });
      return m.id;
    }
    case 'end': {
      const t = open.get(m.tx!)!;
      open.delete(m.tx!);
      t.end(m.commit);
      try {
        await t.done;
      } catch (error) {
        if (m.commit) throw error;
      }
      return null;
    }
    case 'listen':
      await pg.listen(m.channel, () => reply({ notice: m.channel }));
      return null;
    case 'close':
      await pg.close();
      return null;
  }
}

port.on('message', (m: WorkerRequest) => {
  handle(m).then(
    (result) => reply({ id: m.id, result }),
    (error: unknown) => reply({ id: m.id, error: fields(error) }),
  );
});
reply({ ready: true });
