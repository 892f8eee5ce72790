/** Errors of a workbook, in Vietnamese for the pane, with Excel's error code kept for the program. */

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The code of an OfficeExtension.Error (also on errors from tests' fakes), if it has one. */
export function excelErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export function isPayloadTooLarge(error: unknown): boolean {
  return /PayloadSizeLimitExceeded/.test(excelErrorCode(error) ?? '');
}

/** Excel's error as the pane shows it; `sheet` names the sheet the failed batch was about. */
export function explainExcelError(error: unknown, sheet?: string): Error {
  const code = excelErrorCode(error);
  const about = sheet === undefined ? '' : ` “${sheet}”`;
  const messages: Record<string, string> = {
    ItemNotFound: `Không tìm thấy trang tính${about}.`,
    ItemAlreadyExists: `Đã có trang tính${about}; hãy chọn tên khác.`,
    InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.',
    AccessDenied: `Trang tính${about} đang được bảo vệ hoặc chỉ đọc, không ghi được.`,
    RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi tới Excel vượt 5 MB cho một lần.',
    ResponsePayloadSizeLimitExceeded: 'Dữ liệu đọc từ Excel vượt 5 MB cho một lần.',
  };
  const message = code === null ? undefined : messages[code];
  if (code !== null && message !== undefined) return new WorkbookError(code, message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
