/**
 * What a file given as a workbook really is, from its first bytes: people rename files, save CSV with an
 * .xlsx name, or keep Excel 97–2003 workbooks. Each case gets a message saying what to do, never a zip error.
 */

export type FileKind = 'xlsx' | 'xls' | 'encrypted' | 'zip' | 'pdf' | 'text' | 'empty' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** A stream name as an OLE directory stores it (UTF-16LE). */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first!); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first!, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTION_INFO = utf16('EncryptionInfo');
const WORKBOOK_STREAM = utf16('Workbook');
const BOOK_STREAM = utf16('Book');
const CONTENT_TYPES = new TextEncoder().encode('[Content_Types].xml');
const WORKBOOK_PART = new TextEncoder().encode('xl/workbook');

/** Mostly printable text (a CSV or tab-separated export): no NUL byte in its first kilobytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.length > 0 && !head.includes(0);
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) {
    // An .xlsx names its parts in the zip's directories, in plain ASCII.
    return contains(bytes, CONTENT_TYPES) && contains(bytes, WORKBOOK_PART) ? 'xlsx' : 'zip';
  }
  if (startsWith(bytes, OLE)) {
    // Office keeps a password-protected .xlsx inside an OLE file, next to its EncryptionInfo stream.
    if (contains(bytes, ENCRYPTION_INFO)) return 'encrypted';
    if (contains(bytes, WORKBOOK_STREAM) || contains(bytes, BOOK_STREAM)) return 'xls';
    return 'unknown';
  }
  if (startsWith(bytes, PDF)) return 'pdf';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}

const SAVE_AS = 'mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx)';

/** What to tell the user about a file that is not an .xlsx workbook (null: it is one). */
export function fileKindMessage(kind: FileKind, fileName: string | null): string | null {
  const name = fileName ? `Tệp "${fileName}"` : 'Tệp này';
  switch (kind) {
    case 'xlsx':
      return null;
    case 'xls':
      return `${name} là sổ Excel 97–2003 (.xls), không phải .xlsx; ${SAVE_AS} rồi chọn lại tệp đó`;
    case 'encrypted':
      return `${name} được đặt mật khẩu; mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu thành .xlsx`;
    case 'text':
      return `${name} là tệp văn bản (CSV?), không phải .xlsx; ${SAVE_AS}`;
    case 'pdf':
      return `${name} là tệp PDF, không phải sổ Excel; hãy dùng tệp Excel gốc (.xlsx)`;
    case 'empty':
      return `${name} rỗng (0 byte); hãy chọn tệp Excel (.xlsx)`;
    case 'zip':
    case 'unknown':
      return `${name} không phải .xlsx; ${SAVE_AS}`;
  }
}

/** An .xlsx the library could not read after all (damaged, truncated). */
export function unreadableMessage(fileName: string | null): string {
  return `${fileName ? `Tệp "${fileName}"` : 'Tệp này'} bị hỏng hoặc không đọc được như sổ .xlsx; mở bằng Excel, lưu lại thành .xlsx rồi thử lại`;
}

/** A file the add-in cannot read as a workbook, with a message naming it and what to do. */
export class WorkbookFileError extends Error {
  constructor(
    readonly kind: FileKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

/** Throws a WorkbookFileError unless the bytes are an .xlsx workbook. */
export function assertXlsx(bytes: Uint8Array, fileName: string | null): void {
  const kind = fileKind(bytes);
  const message = fileKindMessage(kind, fileName);
  if (message !== null) throw new WorkbookFileError(kind, message);
}
