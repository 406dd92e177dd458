// The one error type the core throws on purpose; its code travels to the renderer unchanged
// (see ERROR_CODES in src-shared/api.ts) and the message is for logs and tests, never shown raw.
import type { ErrorCode } from '../../src-shared/api';

export class SuviazError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SuviazError';
  }
}

export function isSuviazError(error: unknown): error is SuviazError {
  return error instanceof SuviazError;
}
