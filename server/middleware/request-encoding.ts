import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../http/error-body.ts';

const gunzipAsync = promisify(gunzip);

/**
 * Push bodies sent gzip-compressed (`Content-Encoding: gzip`): a 5,000-row sheet is ≈ 1.2 MB of JSON and
 * ≈ 130 KB packed, which is seconds on the slow uplinks of district offices. Unpacked here, after the body
 * limit has bounded what was sent, and never past `maxBytes` unpacked (a small body that unpacks to
 * gigabytes is refused as too large). Other encodings are refused; no encoding passes through.
 */
export function requestEncoding(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return next();
    if (encoding !== 'gzip') {
      return c.json(errorBody('bad_request', 'Content-Encoding chỉ nhận gzip (hoặc không nén)'), 415 as 400);
    }
    let body: Buffer;
    try {
      // Read from the raw request, not through c.req, which would keep the packed bytes as the body it parses.
      body = await gunzipAsync(Buffer.from(await c.req.raw.arrayBuffer()), { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return c.json(errorBody('payload_too_large', 'Nội dung gửi lên quá lớn; hãy chia nhỏ lần gửi'), 413);
      }
      return c.json(errorBody('bad_request', 'Nội dung nén gzip bị hỏng hoặc không đầy đủ; hãy gửi lại'), 400);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.length));
    c.req.raw = new Request(c.req.raw, { headers, body: new Uint8Array(body) });
    await next();
  };
}
