import { fieldLabel, formatPeriod, SHEET_KINDS, type SheetKind } from '../sheet/index.ts';
import type { SyncOutcome } from './outcome.ts';

/**
 * What the command line says about a sync or a pull: the problems, one a line (for stderr), and the
 * summary (for stdout), each problem naming its cell or row and person, every field by its Vietnamese label.
 */

export interface SyncReport {
  problems: string[];
  summary: string[];
}

/** "tháng 10/2021", "năm 2021", "lớp TC K45". */
export function periodWords(kind: SheetKind, period: string | null): string {
  const what = SHEET_KINDS[kind].period;
  if (period === null) return what === 'month' ? 'tháng ?' : what === 'year' ? 'năm ?' : 'lớp ?';
  if (what === 'month') return `tháng ${/^\d{4}-\d{2}$/.test(period) ? formatPeriod(period) : period}`;
  return what === 'year' ? `năm ${period}` : `lớp ${period}`;
}

export function missingColumns(kind: SheetKind, missing: readonly string[]): string {
  return `Thiếu cột: ${missing.map((f) => fieldLabel(f, kind)).join(', ')}`;
}

export function syncReport(o: SyncOutcome, kind: SheetKind, server: string): SyncReport {
  const problems: string[] = [];
  for (const issue of o.issues) {
    const who = issue.who && !issue.message.includes(issue.who) ? ` — ${issue.who}` : '';
    problems.push(`${issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${issue.message}${who}`);
  }
  for (const r of o.rowProblems) {
    const who = [r.key, r.who].filter(Boolean).join(' ');
    problems.push(`${r.status === 'conflict' ? 'Xung đột' : 'Lỗi'}: dòng ${r.ref ?? '?'}${who ? ` (${who})` : ''}: ${r.message}`);
  }
  if (o.rowProblems.some((r) => r.status === 'conflict')) {
    problems.push('Xung đột: chạy pull rồi sync để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu.');
  }
  if (o.missing.length > 0) problems.push(missingColumns(kind, o.missing));
  if (o.offline) {
    const kept = o.pending > 0 ? ` ${o.pending} dòng thay đổi chưa gửi được;` : '';
    problems.push(`Không kết nối được máy chủ ${server};${kept} chưa ghi tệp ra. Hãy kiểm tra BINHXET_URL và chạy lại.`);
    return { problems, summary: [] };
  }
  if (o.missing.length > 0 || o.period === null) return { problems, summary: [] };
  const c = o.counts;
  const parts = [`${c.accepted} nhận`, `${c.unchanged} không đổi`, `${c.rejected} lỗi`, `${c.conflict} xung đột`];
  const notSent = o.notSent > 0 ? `; ${o.notSent} dòng lỗi chưa gửi (sửa các ô đã nêu rồi chạy lại)` : '';
  const what = o.action === 'sync' ? `đã gửi ${o.sent}: ${parts.join(', ')}${notSent}` : `đã lấy lại các cột tính toán${notSent}`;
  const summary = [`Trang "${o.sheet}", ${periodWords(kind, o.period)}: ${o.rows} dòng, ${what}.`];
  if (o.taken > 0) {
    summary.push(`${o.taken} dòng xung đột đã lấy bản đã lưu; chạy sync để gửi giá trị của bạn thay bản đó.`);
  }
  if (o.typed.length > 0) {
    summary.push(
      `${o.typed.length} ô do người dùng ghi khác kết quả tính, chưa ghi đè (thêm --overwrite-typed để ghi đè).`,
    );
  }
  return { problems, summary };
}
