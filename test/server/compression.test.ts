import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../addin/api/client.ts';
import { makeRows, PERIOD } from '../bench/data.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

/** What went over the wire: the request's encoding and size, the answer's encoding. */
interface Sent {
  encoding: string | null;
  bytes: number;
}

describe.each(testDatabases())('gzip both ways over HTTP on $name', (database) => {
  let service: Awaited<ReturnType<typeof startHttpService>>;
  beforeAll(async () => {
    service = await startHttpService(await database.open());
  });
  afterAll(async () => service?.close());

  it("sends a big push packed and gets every row stored; small ones go plain", async () => {
    const sent: Sent[] = [];
    const counting: typeof fetch = async (url, init) => {
      const body = init?.body;
      const bytes = typeof body === 'string' ? body.length : body instanceof ArrayBuffer ? body.byteLength : 0;
      sent.push({ encoding: new Headers(init?.headers).get('content-encoding'), bytes });
      return fetch(url, init);
    };
    const client = createClient({ baseUrl: service.url, token: service.adminKey, fetch: counting });
    const rows = makeRows(2_000);
    const answer = await client.push('person', PERIOD, rows);
    expect(answer.counts).toEqual({ accepted: 2_000, unchanged: 0, rejected: 0, conflict: 0 });
    expect(answer.rows).toHaveLength(2_000);
    expect(sent[0]!.encoding).toBe('gzip');
    expect(sent[0]!.bytes).toBeLessThan(JSON.stringify({ rows }).length / 4);

    const again = await client.push('person', PERIOD, rows.slice(0, 3));
    expect(again.counts.unchanged).toBe(3);
    expect(sent[1]!.encoding).toBeNull();
  });

  it('packs a big answer for a client that accepts gzip, and only for it', async () => {
    const url = `${service.url}/api/v1/months/${PERIOD}/people`;
    const headers = { authorization: `Bearer ${service.adminKey}` };
    const packed = await fetch(url, { headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(packed.status).toBe(200);
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    const month = (await packed.json()) as { rows: unknown[] };
    expect(month.rows).toHaveLength(2_000);

    const plain = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as { rows: unknown[] }).rows).toEqual(month.rows);
  });
});
