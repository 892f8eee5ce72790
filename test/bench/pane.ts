import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { buildPane, PANE_META } from '../../addin/build.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/log.ts';
import { launchChromium } from '../support/browser.ts';
import type { BenchDatabase } from './databases.ts';
import { median, progress, round, time, type Figure } from './measure.ts';

/**
 * The task pane: what a user downloads before the pane shows (the bundle, gzipped as a server would send it,
 * against the 200 KB budget; the chunks it imports statically count with it, the ones loaded on demand, like
 * the browser file mode's exceljs, are reported apart), and the time to first render in headless Chromium:
 * /addin/taskpane.html served by the app in-process (which serves dist/addin once built), from navigation to
 * `body[data-ready=true]`, each load in a fresh browser context (no cache: a first visit), median of several
 * after a warm-up. office.js (Microsoft's, served beside the pane) loads first and is part of that time.
 */

export const PANE_BUDGET_GZIP_KB = 200;

interface Metafile {
  outputs: Record<string, { bytes: number; entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipBytes = (path: string) => gzipSync(readFileSync(path)).length;

/** Builds the pane (addin/build.ts) and sizes its output. */
export async function bundleFigures(): Promise<Figure[]> {
  progress('pane: build');
  const built = await time(() => buildPane({ quiet: true }));
  const meta = JSON.parse(readFileSync(PANE_META, 'utf8')) as Metafile;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const file = (output: string) => `${root}${output}`;
  const outputs = Object.entries(meta.outputs).filter(([name]) => name.endsWith('.js'));
  const main = outputs.find(([, o]) => o.entryPoint?.endsWith('pane/main.ts'));
  if (!main) throw new Error('pane: no output for addin/pane/main.ts in dist/pane-meta.json');
  // What the page loads before it can run: the entry and every chunk reached through static imports.
  const initial = new Set<string>([main[0]]);
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...initial]) {
      for (const imp of meta.outputs[name]?.imports ?? []) {
        if (imp.kind === 'import-statement' && !initial.has(imp.path)) {
          initial.add(imp.path);
          grew = true;
        }
      }
    }
  }
  const initialGzip = [...initial].reduce((sum, name) => sum + gzipBytes(file(name)), 0);
  const initialRaw = [...initial].reduce((sum, name) => sum + meta.outputs[name]!.bytes, 0);
  const figures: Figure[] = [
    {
      name: 'pane bundle',
      rows: 0,
      database: 'none',
      ms: round(built.ms),
      gzipKb: kb(initialGzip),
      rawKb: kb(initialRaw),
      mainGzipKb: kb(gzipBytes(file(main[0]))),
      budgetKb: PANE_BUDGET_GZIP_KB,
      files: initial.size,
    },
  ];
  for (const [name, output] of outputs) {
    if (initial.has(name)) continue;
    const inputs = Object.keys(output.inputs);
    const fileMode = inputs.some((i) => i.includes('node_modules/exceljs') || i.endsWith('addin/workbook/file.ts'));
    figures.push({
      name: fileMode ? 'pane file-mode chunk' : 'pane on-demand chunk',
      rows: 0,
      database: 'none',
      ms: 0,
      gzipKb: kb(gzipBytes(file(name))),
      rawKb: kb(output.bytes),
      file: name.replace(/^dist\/addin\//, ''),
    });
  }
  return figures;
}

declare global {
  interface Window {
    __binhxetReadyAt?: number;
  }
}

/** Time to first render: median of `loads` page loads in fresh contexts after one warm-up. */
export async function firstRenderFigure(bench: BenchDatabase, loads: number): Promise<Figure> {
  const app = createApp({ db: bench.db, logger: createLogger('info', () => {}), publicUrl: 'http://127.0.0.1' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/addin/taskpane.html`;
  progress('pane: chromium');
  const browser = await launchChromium();
  try {
    const samples: { ready: number; wall: number; requests: number; transferKb: number; officeKb: number }[] = [];
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 380, height: 800 } });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        // When the pane marks itself ready, in the page's own clock (ms since navigation started).
        await page.addInitScript(() => {
          new MutationObserver((_, observer) => {
            if (document.body?.dataset.ready === 'true') {
              window.__binhxetReadyAt = performance.now();
              observer.disconnect();
            }
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
        });
        const started = performance.now();
        await page.goto(url);
        await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
        const wall = performance.now() - started;
        const inPage = await page.evaluate(() => {
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return {
            ready: window.__binhxetReadyAt ?? Number.NaN,
            requests: resources.length + 1,
            bytes: resources.reduce((sum, r) => sum + r.transferSize, nav?.transferSize ?? 0),
            office: resources.filter((r) => r.name.includes('/addin/office/')).reduce((sum, r) => sum + r.transferSize, 0),
          };
        });
        if (errors.length > 0) throw new Error(`pane: page errors ${errors.join('; ')}`);
        if (i > 0) samples.push({ ready: inPage.ready, wall, requests: inPage.requests, transferKb: kb(inPage.bytes), officeKb: kb(inPage.office) });
      } finally {
        await context.close();
      }
    }
    return {
      name: 'pane first render',
      rows: 0,
      database: 'none',
      ms: round(median(samples.map((s) => s.ready))),
      wallMs: round(median(samples.map((s) => s.wall))),
      runs: samples.length,
      requests: samples[samples.length - 1]!.requests,
      transferKb: samples[samples.length - 1]!.transferKb,
      officeKb: samples[samples.length - 1]!.officeKb,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
