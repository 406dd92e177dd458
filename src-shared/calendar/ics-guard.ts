// The cheap checks an .ics file passes before any parser sees it (size, encoding, nesting, event
// count), and the one error type the importer throws, so a hostile file fails fast and whole.
import { CALENDAR_LIMITS } from './calendar-limits';

export type IcsErrorReason =
  | 'too-large'
  | 'bad-encoding'
  | 'not-calendar'
  | 'malformed'
  | 'too-deep'
  | 'too-many-events'
  | 'too-many-zones'
  | 'bad-event'
  | 'unknown-zone';

/**
 * Why an import failed. Messages name the event (its number in the file) and the line where it
 * begins, never its title or other content, so that a logged error leaks nothing of the calendar.
 */
export class IcsError extends Error {
  constructor(
    readonly reason: IcsErrorReason,
    message: string,
    /** 1-based line of the event's BEGIN:VEVENT, when one event is to blame. */
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'IcsError';
  }
}

/** Where each top-level VEVENT of the file sits, in file order (the order ical.js yields them). */
export interface EventPlace {
  line: number;
  /** Offsets of its BEGIN and of the end of its END line, to re-read it alone after a parse error. */
  from: number;
  to: number;
}

export interface ScanResult {
  /** The text without a byte-order mark. */
  text: string;
  events: EventPlace[];
}

// Code points that only a wrongly decoded file contains: NUL (UTF-16 read as UTF-8), U+FFFD (a
// decoder's replacement for bytes it could not read) and surrogates without their other half.
const BAD_CHARS = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Checks size and encoding, then walks the BEGIN:/END: lines the way ical.js splits lines (on LF;
 * a line starting with a space or tab continues the previous one), so nesting is bounded before
 * ical.js's recursive code sees the file and the event count before any work is spent on events.
 */
export function scanIcs(input: string): ScanResult {
  if (input.length > CALENDAR_LIMITS.icsMaxBytes || utf8Length(input) > CALENDAR_LIMITS.icsMaxBytes)
    throw new IcsError(
      'too-large',
      `the file is larger than ${CALENDAR_LIMITS.icsMaxBytes / (1024 * 1024)} MB`,
    );
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const nul = text.indexOf('\u0000');
  const bad = nul >= 0 ? nul : (BAD_CHARS.exec(text)?.index ?? -1);
  if (bad >= 0) {
    const line = lineAt(text, bad);
    throw new IcsError(
      'bad-encoding',
      `line ${line} holds a character that a UTF-8 calendar cannot contain; the file is probably in another encoding`,
      line,
    );
  }

  const stack: string[] = [];
  const events: EventPlace[] = [];
  let vevents = 0;
  let vtimezones = 0;
  let sawCalendar = false;
  let pos = text.search(/[^ \t]/);
  if (pos < 0) throw new IcsError('not-calendar', 'the file is empty');
  let line = lineAt(text, pos);
  while (pos < text.length) {
    const begin = pos;
    const startLine = line;
    let head = piece(text, pos);
    pos = nextLine(text, pos);
    line++;
    // Continuation lines belong to this one: ical.js unfolds them before it looks for BEGIN/END.
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) {
      if (head.length < HEAD) head += piece(text, pos).slice(1);
      pos = nextLine(text, pos);
      line++;
    }
    const kind = /^(begin|end):/i.exec(head)?.[1]?.toLowerCase();
    if (!kind) continue;
    const name = head.slice(kind.length + 1).toLowerCase();
    if (kind === 'begin') {
      stack.push(name);
      if (stack.length > CALENDAR_LIMITS.icsMaxDepth)
        throw new IcsError(
          'too-deep',
          `components are nested deeper than ${CALENDAR_LIMITS.icsMaxDepth} levels (line ${startLine})`,
          startLine,
        );
      if (name === 'vcalendar' && stack.length === 1) sawCalendar = true;
      if (name === 'vtimezone' && ++vtimezones > CALENDAR_LIMITS.icsMaxZones)
        throw new IcsError(
          'too-many-zones',
          `the file defines more than ${CALENDAR_LIMITS.icsMaxZones} time zones`,
        );
      if (name === 'vevent') {
        vevents++;
        if (vevents > CALENDAR_LIMITS.icsMaxEvents)
          throw new IcsError(
            'too-many-events',
            `the file has more than ${CALENDAR_LIMITS.icsMaxEvents} events`,
          );
        if (stack.length === 2 && stack[0] === 'vcalendar')
          events.push({ line: startLine, from: begin, to: text.length });
      }
    } else {
      if (stack.length === 0)
        throw new IcsError(
          'malformed',
          `line ${startLine} ends a component that never began`,
          startLine,
        );
      stack.pop();
      const place = events[events.length - 1];
      if (stack.length === 1 && place && place.to === text.length) place.to = pos;
    }
  }
  if (!sawCalendar)
    throw new IcsError('not-calendar', 'the file is not an iCalendar file (no VCALENDAR)');
  return { text, events };
}

/** Enough of a logical line to tell BEGIN:/END: and a component's name. */
const HEAD = 64;

/** One physical line from `pos`, without its CR LF or LF, cut to HEAD characters. */
function piece(text: string, pos: number): string {
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  if (end > pos && text[end - 1] === '\r') end--;
  return text.slice(pos, Math.min(end, pos + HEAD));
}

function nextLine(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end + 1;
}

/** Text without control characters but tab and line feed; CR LF and CR become LF. */
export const withoutControls = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\t\n]/gu, '');

const SPACE = /\s/;
/** Whether a character is white space as a regex's `\s` sees it; ASCII without a regex call. */
const isSpace = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text.charAt(i)));
};

/**
 * The text on one line: each run of white space that holds a line break becomes one space, as
 * replacing the regex `\s*\n\s*` with a space would. That regex retries from every character of a
 * run of spaces without a line break and backtracks over the whole run each time: a title of 80,000
 * spaces held main's event loop (and with it the idle auto-lock) for seconds, one of 1 MB would for
 * minutes. This loop looks at each character at most twice.
 */
export function joinLines(text: string): string {
  let out = '';
  let copied = 0; // text before this index is in `out`
  for (let br = text.indexOf('\n'); br >= 0; br = text.indexOf('\n', copied)) {
    let start = br;
    // Never back past the last run: it took all the white space that followed it.
    while (start > copied && isSpace(text, start - 1)) start--;
    let end = br + 1;
    while (end < text.length && isSpace(text, end)) end++;
    out += `${text.slice(copied, start)} `;
    copied = end;
  }
  return out + text.slice(copied);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
