import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { applyPushAnswer, buildPush, newRater, newTally, ROWS_PER_RATER, type Rater, type Tally } from './raters.ts';

/**
 * The load test's client side: `connections` raters, each its own rater user and key (made through the admin
 * API) for its own unit, each on its own autocannon connection pushing its unit's rows and pulling the month
 * (1 push : `pullsPerPush` pulls), for `durationSec`. Pushes whose answers never came (timeout, reset, the end
 * of the run) are replayed afterwards with their idempotency key, as a client would, so every write's
 * answer is known and the recount can be exact.
 */
export interface LoadOptions {
  url: string;
  adminKey: string;
  connections: number;
  durationSec: number;
  period: string;
  pullsPerPush?: number;
  /** Seconds autocannon waits for one answer before it resets the connection. */
  timeoutSec?: number;
}

type Kind = 'push' | 'pull' | 'replay';

export interface LoadRun {
  options: LoadOptions;
  runId: string;
  raters: Rater[];
  tally: Tally;
  /** "push 200": count, by kind and status; status 0 counts answers that never came. */
  statuses: Record<string, number>;
  latencyMs: { push: number[]; pull: number[] };
  pushesSent: number;
  rowsSent: number;
  /** Pushes whose answer was lost and that were replayed after the run. */
  replayed: number;
  /** Of those, the ones lost before the rater's next push (a timeout or reset, not the end of the run). */
  lostMidRun: number;
  cannon: autocannon.Result;
  elapsedSec: number;
}

async function adminPost(url: string, adminKey: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** One rater user per unit, each with its own key, through the admin API. */
export async function createRaters(url: string, adminKey: string, count: number, runId: string): Promise<Rater[]> {
  const raters: Rater[] = [];
  for (let i = 0; i < count; i++) {
    const draft = newRater(i, '', runId);
    const user = await adminPost(url, adminKey, '/users', { name: `Người chấm tải ${i}`, role: 'rater', units: [draft.unit] });
    const { key } = await adminPost(url, adminKey, '/keys', { userId: user.id, label: `load ${runId}` });
    raters.push({ ...draft, key });
  }
  return raters;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const runId = randomBytes(3).toString('hex');
  const raters = await createRaters(options.url, options.adminKey, options.connections, runId);
  const path = `/api/v1/months/${options.period}/people`;
  const tally = newTally();
  const statuses: Record<string, number> = {};
  const latencyMs = { push: [] as number[], pull: [] as number[] };
  const count = (kind: Kind, status: number) => {
    statuses[`${kind} ${status}`] = (statuses[`${kind} ${status}`] ?? 0) + 1;
  };
  let pushesSent = 0;

  const requestsFor = (r: Rater): autocannon.Request[] => {
    const auth = { authorization: `Bearer ${r.key}` };
    let sentAt = 0;
    const push: autocannon.Request = {
      method: 'POST',
      path,
      setupRequest: (req) => {
        const p = buildPush(r, runId);
        pushesSent++;
        sentAt = performance.now();
        return { ...req, headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': p.idem }, body: p.body };
      },
      onResponse: (status, body) => {
        latencyMs.push.push(performance.now() - sentAt);
        count('push', status);
        const p = r.inflight;
        r.inflight = null;
        // Any other status stored nothing (one push is one transaction), so there is nothing to learn.
        // Strict only while the rater has lost no answer: otherwise its model may lag behind the store.
        if (p && status === 200) applyPushAnswer(r, p, body, tally, r.unanswered.length === 0);
      },
    };
    const pull = (): autocannon.Request => ({
      method: 'GET',
      path,
      headers: auth,
      setupRequest: (req) => {
        sentAt = performance.now();
        return req;
      },
      onResponse: (status) => {
        latencyMs.pull.push(performance.now() - sentAt);
        count('pull', status);
      },
    });
    return [push, ...Array.from({ length: options.pullsPerPush ?? 3 }, pull)];
  };

  let next = 0;
  const started = performance.now();
  const cannon = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: options.timeoutSec ?? 30,
    // Replaced per connection in setupClient, before the connection sends anything.
    requests: [{ method: 'GET', path: '/health' }],
    setupClient: (client) => client.setRequests(requestsFor(raters[next++ % raters.length]!)),
  });
  const elapsedSec = (performance.now() - started) / 1000;

  let replayed = 0;
  const lostMidRun = raters.reduce((n, r) => n + r.unanswered.length, 0);
  for (const r of raters) {
    const pending = [...r.unanswered, ...(r.inflight ? [r.inflight] : [])];
    r.unanswered = [];
    r.inflight = null;
    for (const p of pending) {
      count('push', 0);
      replayed++;
      const res = await fetch(`${options.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${r.key}`, 'content-type': 'application/json', 'idempotency-key': p.idem },
        body: p.body,
      });
      const text = await res.text();
      count('replay', res.status);
      if (res.status === 200) applyPushAnswer(r, p, text, tally, false);
    }
  }
  return {
    options,
    runId,
    raters,
    tally,
    statuses,
    latencyMs,
    pushesSent,
    rowsSent: pushesSent * ROWS_PER_RATER,
    replayed,
    lostMidRun,
    cannon,
    elapsedSec,
  };
}

/** The answers with status 500 or above, by kind and status. */
export function serverErrors(run: LoadRun): Record<string, number> {
  return Object.fromEntries(Object.entries(run.statuses).filter(([k]) => Number(k.split(' ')[1]) >= 500));
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
