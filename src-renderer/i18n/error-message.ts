// Turns an API error into the translated sentence that says what happened and what to do.
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ApiError } from '../../src-shared/api';

export function errorMessage(t: TFunction, error: ApiError): string {
  // Codes outside the contract would be a bug in main; say something useful anyway.
  const code = (ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'internal';
  if (code === 'invite-other-relay') {
    // Which relay the invite is for is the one fact the user needs here; main names it in English.
    const relay = relayNamedIn(error.message);
    if (relay !== null) return t('errorDetails.inviteOtherRelay', { relay });
  }
  return t(`errors.${code}`);
}

/** The first ws:// or wss:// address in a message, without the punctuation that ends a sentence. */
export function relayNamedIn(message: string): string | null {
  const match = /wss?:\/\/[^\s"'“”«»;,]+/.exec(message);
  if (!match) return null;
  const address = match[0].replace(/[.:!?)\]]+$/, '');
  return /^wss?:\/\/./.test(address) ? address : null;
}
