// The error an ICS import refuses a file with, for tests of hostile or broken calendar files.
import { IcsError, parseIcs } from '../../src-shared/calendar/ics-import';

/** The IcsError parseIcs throws for text; any other error is rethrown, and acceptance fails. */
export function failure(text: string): IcsError {
  try {
    parseIcs(text, { defaultZone: 'Europe/Vilnius' });
  } catch (error) {
    if (error instanceof IcsError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}
