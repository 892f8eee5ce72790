import { ERROR_STATUS, type ErrorCode } from './contract/errors.ts';

/** An error meant for the caller: a code from the contract, a Vietnamese message, optional details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này') => new AppError('forbidden', message);
