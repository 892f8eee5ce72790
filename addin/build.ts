import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Builds the task pane into dist/addin: one ES module bundle for the pane (office.js is loaded by the page,
 * exceljs is split into a chunk that only the browser file mode loads), the page, its styles and icons,
 * and a copy of Microsoft's office.js so offices without Internet access can still load the add-in.
 * Everything in dist/addin is served as it is, so no source maps (they carry the source) and the build's
 * metafile goes beside it, to dist/pane-meta.json, for the bench.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/addin`;
export const PANE_META = `${root}dist/pane-meta.json`;

export async function buildPane(options: { quiet?: boolean } = {}): Promise<{ bytes: number }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: { taskpane: `${root}addin/pane/main.ts` },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'edge100', 'safari15'],
    minify: true,
    sourcemap: false,
    metafile: true,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'linked',
    logLevel: options.quiet ? 'error' : 'warning',
  });
  cpSync(`${root}addin/pane/taskpane.html`, `${out}/taskpane.html`);
  cpSync(`${root}addin/pane/pane.css`, `${out}/pane.css`);
  cpSync(`${root}addin/public/icons`, `${out}/icons`, { recursive: true });
  cpSync(`${root}node_modules/@microsoft/office-js/dist`, `${out}/office`, { recursive: true });
  writeFileSync(PANE_META, JSON.stringify(result.metafile));
  const main = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('pane/main.ts'));
  return { bytes: main?.[1].bytes ?? 0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes } = await buildPane();
  process.stdout.write(`dist/addin: taskpane.js ${(bytes / 1024).toFixed(1)} KB\n`);
}
