// What the import dialog says when an import failed. For a file refused because of one event, which
// event: main names it by its number in the file (and the line it begins on) in an English detail;
// only those numbers are taken from it, so nothing of the file's own text reaches the screen.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';

export interface BlamedEvent {
  /** 1-based, in file order. */
  number: number;
  /** The line of its BEGIN:VEVENT, when main knew it. */
  line: number | null;
}

/** The event an 'ics-invalid' detail blames ("event 3 (line 41): …"), or null if it blames none. */
export function blamedEvent(message: string): BlamedEvent | null {
  const match = /^event (\d{1,6})(?: \(line (\d{1,9})\))?(?::| is )/.exec(message);
  if (!match?.[1]) return null;
  return { number: Number(match[1]), line: match[2] ? Number(match[2]) : null };
}

export function importErrorText(t: TFunction, error: ApiError): string {
  if (error.code === 'ics-invalid') {
    const blamed = blamedEvent(error.message);
    if (blamed?.line === null) return t('calendar.import.badEvent', { number: blamed.number });
    if (blamed) return t('calendar.import.badEventLine', { ...blamed });
  }
  // Only the file chosen here can be unreadable: main never answers an import with this code.
  if (error.code === 'attachment-unreadable') return t('calendar.import.unreadable');
  return errorMessage(t, error);
}
