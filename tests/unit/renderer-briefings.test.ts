// The briefings screen's own rules: the list's order (unread first, then newest), how far off an
// expiry is said, the expiry choices, the "Read by" rows, file sizes in every language, and staging
// a file with main in 1 MiB pieces read from the file itself, with cancel and unreadable files
// leaving nothing staged behind.
import { describe, expect, it } from 'vitest';
import type { ApiError, CallOutcome, MethodResult } from '../../src-shared/api';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import {
  EXPIRY_CHOICES,
  deviceKeyPrefix,
  expiryChoiceKey,
  expiryLeft,
  sortBriefings,
} from '../../src-renderer/briefings/briefing-order';
import { fileSize } from '../../src-renderer/briefings/file-size';
import { receiptRows } from '../../src-renderer/briefings/receipt-rows';
import {
  STAGE_PIECE_BYTES,
  stageFile,
  stageName,
  type FileLike,
  type StageCalls,
} from '../../src-renderer/briefings/stage-file';
import { fromBase64 } from '../../src-renderer/shared-doc/base64';
import { LANGUAGES, translator, type Language } from '../support/renderer-i18n';

const HOUR = 3_600_000;
type Staged = CallOutcome<MethodResult<'briefings.stageBegin'>>;

describe('the briefings list', () => {
  it('shows unread briefings first, then the newest', () => {
    const items = [
      { id: 'a', unread: false, createdAt: 5 },
      { id: 'b', unread: true, createdAt: 1 },
      { id: 'c', unread: false, createdAt: 9 },
      { id: 'd', unread: true, createdAt: 7 },
    ];
    expect(sortBriefings(items).map((item) => item.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('says an expiry in minutes, hours or days, rounded up, and "expired" once past', () => {
    const now = 1_000_000_000;
    expect(expiryLeft(null, now)).toEqual({ kind: 'never' });
    expect(expiryLeft(now, now)).toEqual({ kind: 'expired' });
    expect(expiryLeft(now + 90_000, now)).toEqual({ kind: 'in', value: 2, unit: 'minute' });
    expect(expiryLeft(now + 4.2 * HOUR, now)).toEqual({ kind: 'in', value: 5, unit: 'hour' });
    expect(expiryLeft(now + 47 * HOUR, now)).toEqual({ kind: 'in', value: 47, unit: 'hour' });
    expect(expiryLeft(now + 72 * HOUR, now)).toEqual({ kind: 'in', value: 3, unit: 'day' });
  });

  it('names an unnamed sender by the start of their key, never the whole key', () => {
    const key = 'AB12cd34ef56'.padEnd(64, '0');
    expect(deviceKeyPrefix(key)).toBe('ab12 cd34 ef56');
  });
});

describe('compose', () => {
  it('offers every expiry the contract allows, and never, each labelled in every language', () => {
    expect(EXPIRY_CHOICES).toEqual([1, 6, 24, 72, 168, 720, null]);
    for (const hours of EXPIRY_CHOICES) {
      if (hours !== null) expect(hours).toBeLessThanOrEqual(BRIEFING_LIMITS.maxDays * 24);
      for (const language of Object.keys(LANGUAGES) as Language[]) {
        const key = `briefings.compose.expiryChoices.${expiryChoiceKey(hours)}`;
        expect(translator(language)(key), `${language} ${key}`).not.toBe(key);
      }
    }
  });

  it('says file sizes with the language’s own units', () => {
    expect(fileSize(translator('en'), 2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(fileSize(translator('be'), 340 * 1024, 'be')).toBe('340 КБ');
    expect(fileSize(translator('uk'), 12, 'uk')).toBe('12 байт');
  });
});

describe('"Read by"', () => {
  it('lists everyone it went to but its author, with the receipts that came', () => {
    const author = 'a'.repeat(64);
    const bogdan = 'b'.repeat(64);
    const cira = 'c'.repeat(64);
    const rows = receiptRows({
      authorDevice: author,
      audience: [
        { device: author, name: 'Alesya', isMe: false },
        { device: bogdan, name: 'Bogdan', isMe: false },
        { device: cira, name: null, isMe: false },
      ],
      receipts: [{ device: cira, name: 'Cira', readAt: 10, ackedAt: 20 }],
    });
    expect(rows).toEqual([
      { device: bogdan, name: 'Bogdan', readAt: null, ackedAt: null },
      { device: cira, name: 'Cira', readAt: 10, ackedAt: 20 },
    ]);
  });
});

/** Main's side of staging, recording what it was given. */
function fakeMain(options: { failAppendAt?: number } = {}) {
  const appended: Uint8Array[] = [];
  const cancelled: string[] = [];
  const stageId = '3f2a8c1e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
  const staged = (removed: string[] = []): Staged => ({
    ok: true,
    value: { stageId, name: 'photo.jpg', size: 0, image: true, removed },
  });
  const calls: StageCalls = {
    begin: () => Promise.resolve(staged()),
    append: ({ data }) => {
      if (options.failAppendAt === appended.length) {
        const error: ApiError = { code: 'disk-full', message: 'full' };
        return Promise.resolve({ ok: false, error });
      }
      appended.push(fromBase64(data));
      return Promise.resolve(staged(['GPS location']));
    },
    cancel: (id) => {
      cancelled.push(id);
      return Promise.resolve(null);
    },
  };
  return { calls, appended, cancelled, stageId };
}

function bytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + 7) % 251;
  return out;
}

function asFile(content: Uint8Array<ArrayBuffer>, name = 'photo.jpg'): FileLike {
  const blob = new Blob([content], { type: 'image/jpeg' });
  return { name, type: blob.type, size: blob.size, slice: (start, end) => blob.slice(start, end) };
}

describe('staging a file', () => {
  it('hands it over in pieces of at most 1 MiB that add up to the file', async () => {
    const content = bytes(2 * STAGE_PIECE_BYTES + 12_345);
    const main = fakeMain();
    const progress: number[] = [];
    const outcome = await stageFile(
      asFile(content),
      main.calls,
      { cancelled: false, stageId: null },
      (done) => progress.push(done),
    );
    expect(outcome.ok && outcome.value.removed).toEqual(['GPS location']);
    expect(main.appended.map((piece) => piece.length)).toEqual([
      STAGE_PIECE_BYTES,
      STAGE_PIECE_BYTES,
      12_345,
    ]);
    expect(Buffer.concat(main.appended).equals(Buffer.from(content))).toBe(true);
    expect(progress).toEqual([0, STAGE_PIECE_BYTES, 2 * STAGE_PIECE_BYTES, content.length]);
    expect(main.cancelled).toEqual([]);
  });

  it('stops when cancelled and tells main to drop what it staged', async () => {
    const main = fakeMain();
    const control = { cancelled: false, stageId: null as string | null };
    const outcome = await stageFile(
      asFile(bytes(3 * STAGE_PIECE_BYTES)),
      main.calls,
      control,
      (done) => {
        if (done > 0) control.cancelled = true;
      },
    );
    expect(outcome.ok ? null : outcome.error.code).toBe('transfer-cancelled');
    expect(main.appended).toHaveLength(1);
    expect(main.cancelled).toEqual([main.stageId]);
  });

  it('drops the stage when the file cannot be read any more', async () => {
    const main = fakeMain();
    const vanished: FileLike = {
      name: 'gone.pdf',
      type: 'application/pdf',
      size: 10,
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    };
    const outcome = await stageFile(
      vanished,
      main.calls,
      { cancelled: false, stageId: null },
      () => {},
    );
    expect(outcome.ok ? null : outcome.error.code).toBe('attachment-unreadable');
    expect(main.cancelled).toEqual([main.stageId]);
  });

  it('passes main’s refusal on, and drops the stage', async () => {
    const main = fakeMain({ failAppendAt: 1 });
    const outcome = await stageFile(
      asFile(bytes(STAGE_PIECE_BYTES + 1)),
      main.calls,
      { cancelled: false, stageId: null },
      () => {},
    );
    expect(outcome.ok ? null : outcome.error.code).toBe('disk-full');
    expect(main.cancelled).toEqual([main.stageId]);
  });

  it('shortens a long name to what the contract takes, keeping the extension', () => {
    const name = stageName(`${'протокол '.repeat(40)}.pdf`);
    expect(name.length).toBe(BRIEFING_LIMITS.fileNameMaxChars);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(stageName('   ')).toBe('file');
  });
});
