import { startChildService } from '../support/child-service.ts';

/**
 * How long a viewer's GET /me waits while a 20,000-row push runs on the embedded database (PGlite has one
 * session, so every query waits for the statement in progress). `node --import tsx test/bench/read-during-push.ts`
 */
const ROWS = Number(process.argv[2] ?? 20_000);
const service = await startChildService({ LOG_LEVEL: 'error', PUSH_RATE_PER_MINUTE: '1000' });
const admin = { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' };
try {
  const user = await (await fetch(`${service.url}/api/v1/users`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Người xem', role: 'viewer' }) })).json();
  const { key } = await (await fetch(`${service.url}/api/v1/keys`, { method: 'POST', headers: admin, body: JSON.stringify({ userId: user.id }) })).json();
  const me = async () => {
    const started = performance.now();
    const res = await fetch(`${service.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    return performance.now() - started;
  };
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await me());
  const rows = Array.from({ length: ROWS }, (_, i) => ({ code: `P${i}`, name: `Người ${i}`, unit: `Khoa ${i % 40}`, score: 50 + (i % 50) }));
  let pushing = true;
  const started = performance.now();
  const push = fetch(`${service.url}/api/v1/months/2031-01/people`, { method: 'POST', headers: admin, body: JSON.stringify({ rows }) }).then(async (r) => {
    await r.arrayBuffer();
    pushing = false;
    return { status: r.status, ms: performance.now() - started };
  });
  const during: number[] = [];
  while (pushing) {
    during.push(await me());
    await new Promise((r) => setTimeout(r, 50));
  }
  const pushed = await push;
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${Math.round(s[Math.floor(s.length / 2)] ?? 0)} ms, max ${Math.round(s.at(-1) ?? 0)} ms (${s.length} reads)`;
  };
  process.stdout.write(
    `push of ${ROWS} rows: HTTP ${pushed.status} in ${Math.round(pushed.ms)} ms\n` +
      `GET /me idle: ${stat(idle)}\nGET /me during the push: ${stat(during)}\n`,
  );
} finally {
  await service.stop();
}
