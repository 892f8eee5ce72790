import { startChildService } from '../support/child-service.ts';

/**
 * How long a viewer's reads wait while a 20,000-row push runs on the embedded database (PGlite has one session,
 * and a push is one transaction): GET /me, answered from the process's cache of keys and users, and GET of
 * another month's results (1,000 rows), which needs the database. Both loops run side by side, a read every
 * 50 ms. `node --import tsx test/bench/read-during-push.ts [rows]`
 */
const ROWS = Number(process.argv[2] ?? 20_000);
const service = await startChildService({ LOG_LEVEL: 'error', PUSH_RATE_PER_MINUTE: '1000' });
const admin = { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' };
try {
  const user = await (await fetch(`${service.url}/api/v1/users`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Người xem', role: 'viewer' }) })).json();
  const { key } = await (await fetch(`${service.url}/api/v1/keys`, { method: 'POST', headers: admin, body: JSON.stringify({ userId: user.id }) })).json();
  const read = (path: string) => async () => {
    const started = performance.now();
    const res = await fetch(`${service.url}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return performance.now() - started;
  };
  const me = read('/me');
  const month = read('/months/2031-02/people');
  const seed = Array.from({ length: 1_000 }, (_, i) => ({ code: `S${i}`, name: `Người ${i}`, unit: `Khoa ${i % 40}`, score: 50 + (i % 50) }));
  const seeded = await fetch(`${service.url}/api/v1/months/2031-02/people`, { method: 'POST', headers: admin, body: JSON.stringify({ rows: seed }) });
  if (seeded.status !== 200) throw new Error(`seed: HTTP ${seeded.status}`);
  await seeded.arrayBuffer();
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await me());
  const idleMonth: number[] = [];
  for (let i = 0; i < 10; i++) idleMonth.push(await month());
  const rows = Array.from({ length: ROWS }, (_, i) => ({ code: `P${i}`, name: `Người ${i}`, unit: `Khoa ${i % 40}`, score: 50 + (i % 50) }));
  let pushing = true;
  const started = performance.now();
  const push = fetch(`${service.url}/api/v1/months/2031-01/people`, { method: 'POST', headers: admin, body: JSON.stringify({ rows }) }).then(async (r) => {
    await r.arrayBuffer();
    pushing = false;
    return { status: r.status, ms: performance.now() - started };
  });
  const readWhilePushing = async (one: () => Promise<number>) => {
    const times: number[] = [];
    while (pushing) {
      times.push(await one());
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  };
  const [during, duringMonth] = await Promise.all([readWhilePushing(me), readWhilePushing(month)]);
  const pushed = await push;
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${Math.round(s[Math.floor(s.length / 2)] ?? 0)} ms, max ${Math.round(s.at(-1) ?? 0)} ms (${s.length} reads)`;
  };
  process.stdout.write(
    `push of ${ROWS} rows: HTTP ${pushed.status} in ${Math.round(pushed.ms)} ms\n` +
      `GET /me idle: ${stat(idle)}\nGET /me during the push: ${stat(during)}\n` +
      `GET of a 1,000-row month idle: ${stat(idleMonth)}\nGET of a 1,000-row month during the push: ${stat(duringMonth)}\n`,
  );
} finally {
  await service.stop();
}
