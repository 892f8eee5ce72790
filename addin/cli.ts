import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ApiError, createClient, type BinhXetClient } from './api/client.ts';
import { DOCX_USAGE, runDocxCommand } from './docx-command.ts';
import { formatPeriod, isSheetKind, SHEET_KINDS, type PeriodKind, type SheetKind } from './sheet/index.ts';
import type { Progress } from './actions/outcome.ts';
import { syncReport } from './actions/report-lines.ts';
import { refreshSheet, syncSheet } from './actions/sync-sheet.ts';
import { writeMonthSummary, type MonthSummaryOutcome } from './actions/summary.ts';
import { writeDossierSheets, type DossierOptions } from './actions/dossier-sheets.ts';
import { writeYearSheets, type YearSheetsOutcome } from './actions/year-sheets.ts';
import { importTaskExport } from './actions/import-tasks.ts';
import { writeTaskQuarter } from './actions/task-quarter.ts';
import { writeAssessmentForms } from './actions/assessment-forms.ts';
import { readTaskExport } from './workbook/task-export.ts';
import { terminalSafe } from './terminal-text.ts';
import type { WorkbookAdapter } from './workbook/adapter.ts';
import { fileWorkbook, newWorkbook, readXlsx, writeXlsx } from './workbook/file.ts';
import { fileKind, WorkbookFileError } from './workbook/file-kind.ts';
import { writeStatisticsSheets } from './actions/statistics-sheets.ts';
import { ConversionUnavailable, convertXls } from './workbook/xls-convert.ts';

const USAGE = `Cách dùng / usage:
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- sync <vào.xlsx> --out <ra.xlsx> [--sheet TÊN] [--kind LOẠI] [--period KỲ] [--overwrite-typed]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- pull <vào.xlsx> --out <ra.xlsx> [--sheet TÊN] [--kind LOẠI] [--period KỲ] [--overwrite-typed]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- summary <YYYY-MM> --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- year <YYYY> --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- statistics <YYYY> --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- dossier <YYYY> --out <ra.xlsx> [--in <sổ có sẵn.xlsx>] [--split-by-authority]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- tasks-import <xuất.xlsx|xuất.csv> --month YYYY-MM --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- quarter <YYYY-Qn> --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- phieu <YYYY-MM> [--code CB…] --out <ra.xlsx> [--in <sổ có sẵn.xlsx>]
${DOCX_USAGE}

  sync     gửi các dòng đã thay đổi và ghi các cột tính toán vào tệp ra
  pull     chỉ lấy lại các cột tính toán (không gửi gì)
  summary  ghi trang "Tổng hợp T<MM>-<YYYY>" (kèm biểu đồ) vào sổ mới, hoặc vào bản sao của --in
  tasks-import  nhập tệp xuất của hệ thống văn bản, điều hành vào trang "Nhiệm vụ T<MM>-<YYYY>" (người tìm theo
           Mã CB hoặc họ tên trong đơn vị, không tạo người mới; nhập lại không thêm dòng trùng)
  quarter  ghi trang "Nhiệm vụ Q<n>-<YYYY>": kết quả nhiệm vụ của quý, cộng ba tháng rồi mới tính (NĐ 335), xếp
           loại theo bảng đánh giá tháng cuối quý
  phieu    ghi "Phiếu theo dõi, đánh giá" của từng người (hoặc của --code) trong tháng, mỗi người một trang
           khổ A4 (tiêu chí chung, bảng nhiệm vụ, tổng điểm, xếp loại, chỗ ký)
  year     ghi các trang "Xếp loại năm <YYYY>", "Đề nghị khen thưởng <YYYY>" và "Khen thưởng học viên <lớp>"
           của mọi lớp (kèm biểu đồ) vào sổ mới, hoặc vào bản sao của --in
  statistics  ghi các trang "Tổng hợp thi đua <YYYY>" và "Tổng hợp phong trào <YYYY>" (kèm biểu đồ)
  dossier  ghi hồ sơ khen thưởng năm: "Đề nghị khen thưởng <YYYY>" (kèm đối chiếu đăng ký), "DS đề nghị khen thưởng
           <YYYY>" (danh sách kèm tờ trình), "DS kèm theo Quyết định <YYYY>" (có mức thưởng) và "Bảng thành tích
           <YYYY>", "Sổ khen thưởng <YYYY>" (để trộn thư in bằng, giấy khen); --split-by-authority tách danh sách đề nghị thành (1) Thủ trưởng quyết định, (2) đề nghị cấp trên

  --kind   person      bảng tháng của cán bộ (mặc định)  --period YYYY-MM
           unit        bảng tháng của khoa, phòng        --period YYYY-MM
           year        bảng xếp loại năm của cán bộ      --period YYYY (hoặc --year YYYY)
           initiative  bảng sáng kiến, đề tài của năm    --period YYYY (hoặc --year YYYY)
           student     bảng học viên của một lớp         --period "TÊN LỚP" (hoặc --class)
           tasks       bảng nhiệm vụ của tháng (NĐ 335)  --period YYYY-MM
           movement    sổ phong trào, cuộc vận động      --period YYYY (hoặc --year YYYY)
           contribution  bảng đóng góp cho phong trào    --period YYYY (hoặc --year YYYY)
           registration  bảng đăng ký thi đua            --period YYYY (hoặc --year YYYY)
           pledge      bảng giao ước thi đua của tập thể --period YYYY (hoặc --year YYYY)
           vote        kết quả bình xét của Hội đồng     --period YYYY (hoặc --year YYYY)
           decision    sổ quyết định khen thưởng         --period YYYY (hoặc --year YYYY)
  Kỳ (--period) chỉ dùng khi trang tính không tự ghi: tên trang "T10-2021" / "Năm 2021", tiêu đề, cột Tháng / Lớp.
  --overwrite-typed  ghi kết quả tính đè lên các ô cột tính toán (Xếp loại…) do người dùng tự ghi; không có nó,
                     các ô đó được giữ nguyên và liệt kê.
  Kết quả tóm tắt in ra stdout; lỗi, cảnh báo, xung đột in ra stderr.
  Xung đột (người khác đã sửa dòng): chạy pull rồi sync để gửi giá trị của bạn thay bản đã lưu.
Mã thoát / exit code: 0 mọi dòng được nhận (summary, year, statistics, dossier: đã ghi); 1 có dòng lỗi, dòng chưa gửi hoặc
xung đột (summary, year, statistics: kỳ đó chưa có dữ liệu; dossier: chưa ai có tên trong danh sách đề nghị); 2 không làm được gì.`;

const PERIOD_FORMS: Record<PeriodKind, { test: RegExp; message: string }> = {
  month: { test: /^\d{4}-(0[1-9]|1[0-2])$/, message: '--period phải có dạng YYYY-MM' },
  year: { test: /^\d{4}$/, message: '--period (hoặc --year) phải có dạng YYYY' },
  class: { test: /\S/, message: '--period (hoặc --class) phải là tên lớp' },
};

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  terminal: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  terminalOut: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  // Everything printed passes through the escaper but the progress bar, whose own escapes draw it.
  const stderr = terminalSafe(terminal);
  const stdout = terminalSafe(terminalOut);
  if (argv[0] === 'docx') return runDocxCommand(argv.slice(1), env, { out: stdout, err: stderr });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        in: { type: 'string' },
        sheet: { type: 'string' },
        period: { type: 'string' },
        year: { type: 'string' },
        class: { type: 'string' },
        kind: { type: 'string', default: 'person' },
        month: { type: 'string' },
        code: { type: 'string' },
        'overwrite-typed': { type: 'boolean' },
        'split-by-authority': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, input] = positionals;
  try {
    if (values.help || !command) fail(USAGE);
    if (!['sync', 'pull', 'summary', 'year', 'statistics', 'dossier', 'tasks-import', 'quarter', 'phieu'].includes(command)) fail(`Lệnh không rõ: ${command}\n\n${USAGE}`);
    if (!input) {
      const missing: Record<string, string> = { summary: 'tháng (YYYY-MM)', phieu: 'tháng (YYYY-MM)', quarter: 'quý (YYYY-Qn)', year: 'năm (YYYY)', statistics: 'năm (YYYY)', dossier: 'năm (YYYY)' };
      fail(`Thiếu ${missing[command] ?? 'tệp vào'}\n\n${USAGE}`);
    }
    if (!values.out) fail(`Thiếu --out <tệp ra.xlsx>\n\n${USAGE}`);
    await assertOutFolder(values.out);
    if (command === 'summary') return await summaryCommand(input, values.out, values.in, env, { out: stdout, err: stderr });
    if (command === 'statistics') return await statisticsCommand(input, values.out, values.in, env, { out: stdout, err: stderr });
    if (command === 'year') return await yearCommand(input, values.out, values.in, env, { out: stdout, err: stderr });
    if (command === 'dossier') {
      const options = { splitByAuthority: values['split-by-authority'] === true };
      return await dossierCommand(input, values.out, values.in, options, env, { out: stdout, err: stderr });
    }
    if (command === 'phieu') return await phieuCommand(input, values.code, values.out, values.in, env, { out: stdout, err: stderr });
    if (command === 'quarter') return await quarterCommand(input, values.out, values.in, env, { out: stdout, err: stderr });
    if (command === 'tasks-import') return await tasksImportCommand(input, values.month, values.out, values.in, env, { out: stdout, err: stderr });
    const kind = values.kind;
    if (!isSheetKind(kind)) fail(`--kind phải là một trong: ${Object.keys(SHEET_KINDS).join(', ')}`);
    const periodKind = SHEET_KINDS[kind].period;
    const period = values.period ?? (periodKind === 'year' ? values.year : periodKind === 'class' ? values.class : undefined);
    if (period !== undefined && !PERIOD_FORMS[periodKind].test.test(period)) fail(PERIOD_FORMS[periodKind].message);
    const { baseUrl, token } = connection(env);
    const progress = progressBar(terminal);
    progress({ phase: 'read', done: 0, total: 1 });
    const wb = await openWorkbook(input, stderr);
    const deps = { workbook: fileWorkbook(wb), client: createClient({ baseUrl, token }), progress };
    const options = {
      kind: kind as SheetKind,
      period: period ?? null,
      overwriteTyped: values['overwrite-typed'] === true,
      ...(values.sheet ? { sheet: values.sheet } : {}),
    };
    const outcome = await (command === 'sync' ? syncSheet(deps, options) : refreshSheet(deps, options)).finally(() => progress.stop());
    const said = syncReport(outcome, kind as SheetKind, baseUrl);
    for (const line of said.problems) stderr.write(`${line}\n`);
    for (const line of said.summary) stdout.write(`${line}\n`);
    if (outcome.offline) return 2;
    if (outcome.missing.length > 0 || !outcome.period) return 2;
    await writeFile(values.out, await writeXlsx(wb));
    const bad = outcome.counts.rejected + outcome.counts.conflict + outcome.notSent + outcome.issues.filter((i) => i.severity === 'error').length;
    return bad > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) stderr.write(`${error.message}\n`);
    else if (error instanceof ApiError) stderr.write(`Lỗi: ${error.message}\n`);
    else stderr.write(`Lỗi: ${(error as Error).message}\n`);
    return 2;
  }
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    fail(`Không đọc được tệp ${path}`);
  }
}

/** The output's folder must exist before anything is read or sent: a result with nowhere to go is lost work. */
async function assertOutFolder(out: string): Promise<void> {
  const folder = dirname(resolve(out));
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) fail(`Thư mục của tệp ra "${out}" không tồn tại (${folder}); hãy tạo thư mục trước hoặc chọn --out khác`);
}

/** The input as a workbook: an .xls is converted by LibreOffice (saved as .xlsx beside it), anything else refused. */
async function openWorkbook(path: string, stderr: NodeJS.WritableStream) {
  const bytes = await readInput(path);
  try {
    if (fileKind(bytes) !== 'xls') return await readXlsx(bytes, basename(path));
    const converted = await convertXls(path);
    stderr.write(`Đã chuyển "${basename(path)}" (Excel 97–2003) thành "${converted.savedAs}" bằng LibreOffice; từ nay hãy dùng tệp .xlsx đó.\n`);
    return await readXlsx(converted.bytes, basename(converted.savedAs));
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof ConversionUnavailable) fail(error.message);
    throw error;
  }
}

function connection(env: NodeJS.ProcessEnv): { baseUrl: string; token: string } {
  const baseUrl = env.BINHXET_URL;
  const token = env.BINHXET_TOKEN;
  if (!baseUrl || !token) fail('Cần đặt BINHXET_URL (địa chỉ máy chủ) và BINHXET_TOKEN (khóa truy cập)');
  return { baseUrl, token };
}

/** A report command's one shape: the sheets `write` makes, in a new workbook or a copy of --in, saved to --out. */
async function writeReport<T>(
  out: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv,
  streams: Streams,
  write: (deps: { workbook: WorkbookAdapter; client: BinhXetClient }) => Promise<T>,
): Promise<T> {
  const client = createClient(connection(env));
  const wb = input === undefined ? newWorkbook() : await openWorkbook(input, streams.err);
  const outcome = await write({ workbook: fileWorkbook(wb), client });
  await writeFile(out, await writeXlsx(wb));
  return outcome;
}

/**
 * tasks-import: an e-office export (.xlsx or .csv) onto the month's tasks sheet of a copy of --in, or of a new
 * workbook. Exit 1 when a row was not taken (a handler not in the roster), 0 when every row of the month was.
 */
async function tasksImportCommand(
  input: string,
  month: string | undefined,
  out: string,
  existing: string | undefined,
  env: NodeJS.ProcessEnv,
  streams: Streams,
): Promise<number> {
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) fail('--month phải có dạng YYYY-MM');
  const client = createClient(connection(env));
  const bytes = await readInput(input);
  const wb = existing === undefined ? newWorkbook() : await openWorkbook(existing, streams.err);
  const result = await importTaskExport({ workbook: fileWorkbook(wb), client }, await readTaskExport(input, bytes), month);
  for (const message of result.messages) streams.err.write(`${message}\n`);
  streams.out.write(`Tháng ${month}: nhập ${result.added} nhiệm vụ mới, ${result.kept} nhiệm vụ đã có được giữ nguyên\n`);
  await writeFile(out, await writeXlsx(wb));
  return result.messages.some((m) => m.startsWith('Dòng')) ? 1 : 0;
}

/** phieu: each person's (or one person's) Phiếu theo dõi, đánh giá of the month, one A4 sheet each. */
async function phieuCommand(period: string, code: string | undefined, out: string, input: string | undefined, env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) fail(`Tháng phải có dạng YYYY-MM, không phải "${period}"`);
  const { sheets } = await writeReport(out, input, env, streams, (deps) => writeAssessmentForms(deps, period, code ?? null));
  streams.out.write(`Đã ghi ${sheets.length} phiếu theo dõi, đánh giá vào ${out}: ${sheets.join(', ')}\n`);
  return 0;
}

/** quarter: the quarter's task results sheet into a new workbook, or into a copy of --in (its other sheets kept). */
async function quarterCommand(quarter: string, out: string, input: string | undefined, env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  if (!/^(19|20|21)\d\d-Q[1-4]$/.test(quarter)) fail(`Quý phải có dạng YYYY-Qn, ví dụ 2026-Q4, không phải "${quarter}"`);
  const outcome = await writeReport(out, input, env, streams, (deps) => writeTaskQuarter(deps, quarter));
  if (outcome.people === 0) streams.err.write(`Cảnh báo: máy chủ chưa có nhiệm vụ nào của quý ${quarter}; trang để trống.\n`);
  streams.out.write(`Đã ghi trang "${outcome.sheet}" vào ${out}: ${outcome.people} cán bộ có nhiệm vụ trong quý.\n`);
  return outcome.people === 0 ? 1 : 0;
}

/** summary: the month's summary sheet into a new workbook, or into a copy of --in (its other sheets kept). */
async function summaryCommand(
  period: string,
  out: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv,
  streams: Streams,
): Promise<number> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) fail(`Tháng phải có dạng YYYY-MM, không phải "${period}"`);
  const outcome = await writeReport(out, input, env, streams, (deps) => writeMonthSummary(deps, period));
  reportSummary(outcome, out, streams);
  return outcome.people === 0 ? 1 : 0;
}

/** The summary goes to stdout, warnings to stderr. */
interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

function reportSummary(o: MonthSummaryOutcome, out: string, { out: stream, err }: Streams): void {
  if (o.people === 0) err.write(`Cảnh báo: máy chủ chưa có dữ liệu của tháng ${formatPeriod(o.period)}; trang tổng hợp để trống.\n`);
  for (const run of o.ties) {
    const who = run.members.map((m) => `${m.code} ${m.name}`.trim()).join(', ');
    stream.write(`Đồng điểm chờ Hội đồng — nhóm "${run.group}", còn ${run.left} suất: ${who}\n`);
  }
  stream.write(
    `Đã ghi trang "${o.sheet}" vào ${out}: ${o.people} cán bộ, ${o.ties.length} nhóm đồng điểm, ` +
      `tháng ${o.finalised ? 'đã chốt' : 'chưa chốt'}.\n`,
  );
}

/** year: the year's sheets and one per class into a new workbook, or into a copy of --in. */
async function yearCommand(
  year: string,
  out: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv,
  streams: Streams,
): Promise<number> {
  if (!/^\d{4}$/.test(year)) fail(`Năm phải có dạng YYYY, không phải "${year}"`);
  const outcome = await writeReport(out, input, env, streams, (deps) => writeYearSheets(deps, year, { classes: true }));
  reportYear(outcome, out, streams);
  return outcome.people === 0 ? 1 : 0;
}

function reportYear(o: YearSheetsOutcome, out: string, { out: stream, err }: Streams): void {
  if (o.people === 0) err.write(`Cảnh báo: máy chủ chưa có dữ liệu của năm ${o.year}; các trang để trống.\n`);
  if (o.ties > 0) stream.write(`Đồng điểm tại ngưỡng tỷ lệ HTXS năm ${o.year}: ${o.ties} người chờ Hội đồng quyết định.\n`);
  const titles = Object.entries(o.eligible).map(([label, n]) => `${label} ${n}`).join(', ');
  if (titles) stream.write(`Đủ điều kiện: ${titles}; tiền thưởng dự kiến ${o.rewardTotal ?? 0} đồng.\n`);
  for (const c of o.classes) {
    stream.write(`Lớp ${c.class}: ${c.students} học viên, đề nghị khen thưởng ${c.commended}, đồng điểm ${c.ties}.\n`);
  }
  stream.write(
    `Đã ghi ${o.sheets.length} trang vào ${out} (${o.sheets.map((s) => `"${s}"`).join(', ')}): ${o.people} cán bộ, ` +
      `${o.units} khoa, phòng, năm ${o.finalised ? 'đã chốt' : 'chưa chốt'}.\n`,
  );
}

/** statistics: the year-end figures and the drives' totals into a new workbook, or into a copy of --in. */
async function statisticsCommand(year: string, out: string, input: string | undefined, env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  if (!/^\d{4}$/.test(year)) fail(`Năm phải có dạng YYYY, không phải "${year}"`);
  const o = await writeReport(out, input, env, streams, (deps) => writeStatisticsSheets(deps, year));
  if (o.personMonths === 0) streams.err.write(`Cảnh báo: máy chủ chưa có dữ liệu tháng của năm ${o.year}.\n`);
  streams.out.write(
    `Đã ghi ${o.sheets.map((s) => `"${s}"`).join(', ')} vào ${out}: ${o.personMonths} lượt cá nhân, ${o.unitMonths} lượt khoa, phòng, ` +
      `${o.studentsCommended} học viên được khen thưởng${o.phrase ? `, ủng hộ ${o.phrase}` : ''}.\n`,
  );
  return o.personMonths === 0 ? 1 : 0;
}

/** dossier: the year's paper into a new workbook, or into a copy of --in. Exit 1 when nobody is on the list. */
async function dossierCommand(
  year: string,
  out: string,
  input: string | undefined,
  options: DossierOptions,
  env: NodeJS.ProcessEnv,
  streams: Streams,
): Promise<number> {
  if (!/^\d{4}$/.test(year)) fail(`Năm phải có dạng YYYY, không phải "${year}"`);
  const o = await writeReport(out, input, env, streams, (deps) => writeDossierSheets(deps, year, options));
  const listed = Object.entries(o.listed).map(([label, n]) => `${label} ${n}`).join(', ');
  if (!listed) streams.err.write(`Cảnh báo: năm ${o.year} chưa có ai đủ điều kiện đưa vào danh sách đề nghị.\n`);
  else streams.out.write(`Danh sách đề nghị: ${listed}.\n`);
  streams.out.write(`Quyết định khen thưởng cho thành tích năm ${o.year}: ${o.decided} dòng, tiền thưởng ${o.rewardTotal} đồng; bảng thành tích của ${o.achievements} người.\n`);
  streams.out.write(`Đã ghi ${o.sheets.length} trang vào ${out} (${o.sheets.map((s) => `"${s}"`).join(', ')}), năm ${o.finalised ? 'đã chốt' : 'chưa chốt'}.\n`);
  return listed ? 0 : 1;
}

const PHASES = { read: 'Đọc tệp', check: 'Kiểm tra', send: 'Gửi', write: 'Ghi kết quả' } as const;

/** One bar from the start: reading the file, checking the rows, each piece sent (on a terminal only). */
function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress & { stop(): void } {
  const bar = stream.isTTY
    ? new cliProgress.SingleBar({ format: ' {phase} {bar} {value}/{total}', stream, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  let started = false;
  const progress = (p: Parameters<Progress>[0]) => {
    if (!bar) return;
    const phase = PHASES[p.phase];
    if (!started) bar.start(p.total, p.done, { phase });
    else {
      bar.setTotal(p.total);
      bar.update(p.done, { phase });
    }
    started = true;
  };
  return Object.assign(progress, { stop: () => started && bar?.stop() });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
