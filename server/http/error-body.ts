import type { ZodError } from 'zod';
import { errorBodySchema, type ErrorBody, type ErrorCode } from '../contract/errors.ts';

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function validationError(error: ZodError): ErrorBody {
  const issues = error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? `Dữ liệu không hợp lệ: ${first.path ? first.path + ': ' : ''}${first.message}` : 'Dữ liệu không hợp lệ';
  return errorBody('validation_failed', message, { issues });
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Yêu cầu sai dạng',
  401: 'Thiếu hoặc sai khóa truy cập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột (tháng đã chốt, vượt tỷ lệ…)',
  413: 'Nội dung quá lớn',
  422: 'Dữ liệu không hợp lệ',
};

/** OpenAPI response entries for error statuses, all with the one error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s] ?? 'Lỗi', content: { 'application/json': { schema: errorBodySchema } } },
    ]),
  );
}
