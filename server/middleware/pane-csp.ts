import type { MiddlewareHandler } from 'hono';

/**
 * The task pane's Content-Security-Policy. Scripts only from this service (office.js is served here too), so
 * injected markup can run nothing; the API only on this service and on the servers of CORS_ORIGINS (a user may
 * point the pane at another server in *Kết nối*; that server's own CORS then admits this origin). Inline styles
 * stay allowed: Office's own scripts set them (excel-web-16.00.js). No frame-ancestors: Excel on the web frames
 * the pane from Microsoft's origins and the desktop hosts load it in a web view.
 */
export function panePolicy(connectOrigins: readonly string[] = []): string {
  for (const origin of connectOrigins) {
    if (!isOrigin(origin)) throw new Error(`Not an origin for connect-src: ${JSON.stringify(origin)}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** `scheme://host[:port]` exactly, http or https: what a browser sends as Origin and CSP takes as a source. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

export function paneCsp(connectOrigins: readonly string[] = []): MiddlewareHandler {
  const policy = panePolicy(connectOrigins);
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', policy);
  };
}
