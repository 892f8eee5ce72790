import { isUtf8 } from 'node:buffer';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../http/error-body.ts';

export interface RequestBodyOptions {
  /** Largest body, as sent and as unpacked. */
  maxBytes: number;
  /** gzip bodies being unpacked at once; one more is answered 503 (the add-in retries it). */
  maxCompressedInFlight: number;
}

class TooLarge extends Error {}

/**
 * Reads a request's body once, after authentication (app.ts mounts it behind the throttle and the key
 * check, so nothing a caller without a key sends is read or unpacked). The body is counted as it arrives
 * and, when `Content-Encoding: gzip` (a 5,000-row push is ≈ 1.2 MB of JSON and ≈ 130 KB packed), unpacked
 * as a stream: reading stops as soon as either count passes the limit, so a small body that unpacks to
 * gigabytes never takes more than the limit in memory. A body that is not UTF-8 is refused, never stored
 * with U+FFFD in place of its bytes. The route then parses the buffered body as usual.
 */
export function requestBody(options: RequestBodyOptions): MiddlewareHandler {
  let compressedInFlight = 0;
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase() || 'identity';
    if (encoding !== 'identity' && encoding !== 'gzip') {
      return c.json(errorBody('bad_request', 'Content-Encoding chỉ nhận gzip (hoặc không nén)'), 415 as 400);
    }
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > options.maxBytes) return tooLarge(c);
    const gzip = encoding === 'gzip';
    if (gzip && compressedInFlight >= options.maxCompressedInFlight) {
      return c.json(
        errorBody('server_busy', 'Máy chủ đang giải nén nhiều lần gửi cùng lúc; hãy thử lại sau ít giây', { retryable: true }),
        503,
        { 'Retry-After': '2' },
      );
    }
    let body: Buffer;
    if (gzip) compressedInFlight++;
    try {
      body = await readBody(raw.body, gzip, options.maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) return tooLarge(c);
      if (gzip) return c.json(errorBody('bad_request', 'Nội dung nén gzip bị hỏng hoặc không đầy đủ; hãy gửi lại'), 400);
      throw error;
    } finally {
      if (gzip) compressedInFlight--;
    }
    if (!isUtf8(body)) {
      return c.json(errorBody('invalid_utf8', 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ; hãy lưu hoặc gửi lại dưới dạng UTF-8'), 400);
    }
    const headers = new Headers(raw.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.length));
    c.req.raw = new Request(raw, { headers, body: body as Uint8Array<ArrayBuffer> });
    await next();
  };
}

function tooLarge(c: Context) {
  return c.json(errorBody('payload_too_large', 'Nội dung gửi lên quá lớn; hãy chia nhỏ lần gửi'), 413);
}

async function readBody(stream: ReadableStream<Uint8Array>, gzip: boolean, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let sent = 0;
  const countSent = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      done(sent > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  const keep = new Writable({
    write(chunk: Buffer, _encoding, done) {
      kept += chunk.length;
      if (kept > maxBytes) return done(new TooLarge());
      chunks.push(chunk);
      done();
    },
  });
  const source = Readable.fromWeb(stream as unknown as NodeWebStream<Uint8Array>);
  await (gzip ? pipeline(source, countSent, createGunzip(), keep) : pipeline(source, countSent, keep));
  return Buffer.concat(chunks, kept);
}
