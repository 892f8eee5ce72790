import type { MiddlewareHandler } from 'hono';
import { reachedOverHttps, type TrustedProxies } from './client-info.ts';

/**
 * Strict-Transport-Security only on answers that travel over HTTPS: browsers ignore it over HTTP (RFC 6797
 * §8.1), and a service on plain HTTP (a trial on localhost) has no business announcing HTTPS.
 */
export function hsts(proxies: TrustedProxies): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (reachedOverHttps(c, proxies)) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  };
}
