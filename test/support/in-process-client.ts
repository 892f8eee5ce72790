import { createClient } from '../../addin/api/client.ts';
import type { TestService } from './service.ts';

/** The add-in's real API client, with `fetch` answered by the app in-process (no port). */
export function inProcessClient(s: TestService, key = s.adminKey) {
  return createClient({
    baseUrl: 'http://binhxet.test',
    token: key,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => s.app.request(String(url).replace('http://binhxet.test', ''), init)) as typeof fetch,
  });
}
