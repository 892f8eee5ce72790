/**
 * `npm run validate`: manifest.xml against the Office XSDs (xmllint, offline) plus the checks a schema cannot make.
 * `--online` also asks Microsoft's validation service through `office-addin-manifest validate` (it POSTs the file,
 * so it needs the network and is never part of the default run).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkManifest } from '../server/http/manifest.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_PATH = join(root, 'manifest.xml');
export const SCHEMA_PATH = join(root, 'test/fixtures/manifest-schemas/OfficeAppManifestV1_1.xsd');

/** xmllint's complaints about a manifest, [] when it validates. A missing xmllint is a problem, not a pass. */
export function checkSchema(manifestPath = MANIFEST_PATH, schemaPath = SCHEMA_PATH): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], { encoding: 'utf8' });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    return [missing
      ? 'Không tìm thấy xmllint (cài gói libxml2-utils) / xmllint not found (install libxml2-utils)'
      : `Không chạy được xmllint / could not run xmllint: ${run.error.message}`];
  }
  if (run.status === 0) return [];
  const lines = `${run.stderr}${run.stdout}`.split('\n').map((line) => line.trim());
  const problems = lines.filter((line) => line !== '' && !line.endsWith(' fails to validate'));
  return problems.length > 0 ? problems : [`xmllint thoát với mã / exited with ${run.status}`];
}

/** Microsoft's service, the same one AppSource uses; returns the exit code of `office-addin-manifest validate`. */
function validateOnline(manifestPath: string): number {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('office-addin-manifest/package.json')), 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'validate', manifestPath], { stdio: 'inherit' });
  return run.status ?? 1;
}

function main(args: string[]): number {
  const manifestPath = args.find((arg) => !arg.startsWith('--')) ?? MANIFEST_PATH;
  const problems = [...checkSchema(manifestPath), ...checkManifest(readFileSync(manifestPath, 'utf8'))];
  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length > 0) {
    console.error(`${manifestPath}: ${problems.length} lỗi / ${problems.length} problem(s)`);
    return 1;
  }
  console.log(`✓ ${manifestPath}: hợp lệ (XSD và kiểm tra bổ sung) / valid (XSD and extra checks)`);
  if (!args.includes('--online')) return 0;
  return validateOnline(manifestPath);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
