import { Writable } from 'node:stream';

// C0 controls but tab and line feed, DEL, C1 controls (U+009B starts an escape sequence on some terminals) and
// the bidirectional overrides that reorder what a line shows.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text for a terminal: names, cells, file names and the service's messages can hold ESC or BEL, which a
 * terminal would run (move the cursor, retitle the window, hide a line); each is shown as `\u001b` instead.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A stream that escapes every string written to it before passing it on, synchronously and in order. */
export function terminalSafe(stream: NodeJS.WritableStream & { isTTY?: boolean }): Writable & { isTTY?: boolean } {
  const safe = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      stream.write(escapeControls(String(chunk)));
      done();
    },
  });
  return Object.assign(safe, { isTTY: stream.isTTY });
}
