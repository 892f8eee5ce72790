import type { MiddlewareHandler } from 'hono';

/**
 * The task pane's Content-Security-Policy. Scripts only from this service (office.js is served here too), so
 * injected markup can run nothing; the API only on this service. Inline styles stay allowed: Office's own
 * scripts set them (excel-web-16.00.js). No frame-ancestors: Excel on the web frames the pane from Microsoft's
 * origins and the desktop hosts load it in a web view.
 */
export const PANE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function paneCsp(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', PANE_CSP);
  };
}
