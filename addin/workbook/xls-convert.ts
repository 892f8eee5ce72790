import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileKind } from './file-kind.ts';

/**
 * Excel 97–2003 (.xls) workbooks on the command line, converted by LibreOffice (`soffice --headless`): the
 * well-kept reader of that format. The npm `xlsx` package on the registry (0.18.5) carries known flaws
 * (prototype pollution, CVE-2023-30533; ReDoS, CVE-2024-22363), fixed only off the registry, so it is not used.
 * LibreOffice runs with a profile of its own in a temporary folder, so a LibreOffice the user has open is left alone.
 */

const run = promisify(execFile);
const CONVERT_TIMEOUT_MS = 120_000;

export interface Converted {
  bytes: Uint8Array;
  /** Where the converted .xlsx was written, beside the .xls. */
  savedAs: string;
}

/** The first of `a.xlsx`, `a (1).xlsx`, … that does not exist yet: a file the user has is never overwritten. */
async function freePath(path: string): Promise<string> {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? path : `${stem} (${n})${ext}`;
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

async function soffice(args: string[]): Promise<void> {
  await run('soffice', args, { timeout: CONVERT_TIMEOUT_MS, windowsHide: true });
}

export class ConversionUnavailable extends Error {}

/**
 * Converts an .xls file to .xlsx with LibreOffice, writes the result beside it (never over an existing file)
 * and returns its bytes. Throws ConversionUnavailable when LibreOffice is missing, with the message to show.
 */
export async function convertXls(path: string): Promise<Converted> {
  const work = await mkdtemp(join(tmpdir(), 'binhxet-xls-'));
  try {
    const source = join(work, 'in.xls');
    await writeFile(source, await readFile(path));
    try {
      await soffice([
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', work, source,
      ]);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ConversionUnavailable(
        missing
          ? `Tệp "${basename(path)}" là sổ Excel 97–2003 (.xls); máy này chưa có LibreOffice để chuyển tự động: ` +
            'mở tệp bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), hoặc cài LibreOffice'
          : `Không chuyển được tệp "${basename(path)}" (.xls) sang .xlsx; mở bằng Excel và chọn Lưu thành .xlsx`,
      );
    }
    const bytes = new Uint8Array(await readFile(join(work, 'in.xlsx')).catch(() => Buffer.alloc(0)));
    if (fileKind(bytes) !== 'xlsx') {
      throw new ConversionUnavailable(`Không chuyển được tệp "${basename(path)}" (.xls) sang .xlsx; mở bằng Excel và chọn Lưu thành .xlsx`);
    }
    const savedAs = await freePath(join(dirname(path), `${basename(path, extname(path))}.xlsx`));
    await writeFile(savedAs, bytes, { flag: 'wx' });
    return { bytes, savedAs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
