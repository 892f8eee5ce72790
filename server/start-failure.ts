import { ConfigError } from './config.ts';
import { DataDirOpenError } from './db/data-dir.ts';
import { LockedError } from './db/lock-file.ts';
import { AdminTokenTakenError } from './admin/bootstrap.ts';

/** The service's own start errors, whose messages already say it in Vietnamese and English. */
const BILINGUAL = [ConfigError, DataDirOpenError, LockedError, AdminTokenTakenError];

/**
 * What a failed start prints: a line in Vietnamese and English for the failures an administrator can fix
 * (port taken, database unreachable), the error's own bilingual message for the service's errors, and never
 * a stack trace or the DATABASE_URL's password.
 */
export function startFailureMessage(error: unknown, context: { port: number; host: string }): string {
  const head = 'Không khởi động được Bình Xét (Bình Xét could not start):';
  return `${head}\n  ${explain(error, context).replace(/\n/g, '\n  ')}\n`;
}

function explain(error: unknown, { port, host }: { port: number; host: string }): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `Cổng ${port} trên ${host} đang được chương trình khác dùng; hãy dừng chương trình đó hoặc đặt PORT khác. (Port ${port} is in use; stop that program or set PORT.)`;
  }
  if (code === 'EACCES' && (error as { syscall?: string }).syscall === 'listen') {
    return `Không được phép mở cổng ${port}; hãy chọn PORT từ 1024 trở lên. (Not allowed to listen on port ${port}; choose PORT 1024 or above.)`;
  }
  if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|CONNECT_TIMEOUT|28P01|28000|3D000)$/.test(code)) {
    return `Không kết nối được PostgreSQL của DATABASE_URL (${code}); hãy kiểm tra địa chỉ, tên cơ sở dữ liệu, người dùng và mật khẩu. (Cannot reach the PostgreSQL database of DATABASE_URL: ${code}.)`;
  }
  if (BILINGUAL.some((kind) => error instanceof kind)) return (error as Error).message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Lỗi không mong đợi (unexpected error): ${redact(message)}`;
}

function redact(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}
