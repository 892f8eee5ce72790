import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { escapeControls } from '../../addin/terminal-text.ts';
import { readXlsx, writeXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { FIXTURE_XLSX } from '../support/fixture.ts';

const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\r\u009b31m\u202e';
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;

describe('the command line prints no control character', () => {
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-esc-'));
  let close: () => void = () => {};
  let url = '';
  beforeAll(async () => {
    // A service (or something posing as one) whose messages carry terminal escapes.
    const app = new Hono();
    app.all('*', (c) => c.json({ error: { code: 'unauthorised', message: `Khóa sai ${HOSTILE}` } }, 401));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("escapes a service's message, a file name and a sheet's cells, showing each character as \\u001b", async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const ws = wb.worksheets[0]!;
    ws.getCell('H7').value = `9${HOSTILE}`;
    ws.getCell('C8').value = `Tên ${HOSTILE}`;
    const input = join(dir, 'hostile.xlsx');
    writeFileSync(input, await writeXlsx(wb));
    const env = { BINHXET_URL: url, BINHXET_TOKEN: 'bx_x' };
    const said: string[] = [];
    for (const args of [['sync', input, '--out', join(dir, 'o.xlsx')], ['sync', join(dir, `thiếu${HOSTILE}.xlsx`), '--out', join(dir, 'o.xlsx')], ['summary', '2021-10', '--out', join(dir, 's.xlsx')]]) {
      const err = capture();
      expect(await runCli(args, env, err.stream)).toBeGreaterThan(0);
      said.push(err.text());
    }
    for (const text of said) expect(text, JSON.stringify(text)).not.toMatch(RAW_CONTROL);
    expect(said.join('\n')).toContain('Khóa sai \\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u009b31m\\u202e');
    expect(said[1]).toContain('thiếu\\u001b]0;pwned');
  });

  it('keeps line breaks, tabs and Vietnamese as they are', () => {
    expect(escapeControls('Dòng 1\n\tĐỗ Đức Hùng 😀')).toBe('Dòng 1\n\tĐỗ Đức Hùng 😀');
  });
});
