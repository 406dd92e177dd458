// Turns an API error into the translated sentence that says what happened and what to do.
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ApiError } from '../../src-shared/api';

export function errorMessage(t: TFunction, error: ApiError): string {
  // Codes outside the contract would be a bug in main; say something useful anyway.
  const code = (ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'internal';
  return t(`errors.${code}`);
}
