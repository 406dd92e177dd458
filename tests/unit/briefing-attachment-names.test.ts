// An attachment's name comes from the sender's app: a received briefing keeps it without the
// invisible characters that would hide or reorder what it says.
import { describe, expect, it } from 'vitest';
import { AttachmentRef, BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';

const ref = (name: string) => ({
  blobId: 'ab'.repeat(16),
  name,
  mime: 'application/pdf',
  size: 10,
  chunks: 1,
  chunkBytes: 1024,
  key: 'AAAA',
  header: 'AAAA',
  image: false,
  removed: [],
});

const nameOf = (name: string): string | null => {
  const parsed = AttachmentRef.safeParse(ref(name));
  return parsed.success ? parsed.data.name : null;
};

describe('attachment names in a received briefing', () => {
  it('lose bidi controls, so a name cannot show another extension', () => {
    // Shown as "reportexe.pdf" with the override.
    expect(nameOf('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(nameOf('\u2067a\u2069\u061C\u200E\u200F\u202A\u202B\u202C\u202D.pdf')).toBe('a.pdf');
  });

  it('lose zero-width, other format and control characters', () => {
    expect(nameOf('in\u200Bvoice\u00AD\u2060\u200D\u034F\uFEFF.pdf')).toBe('invoice.pdf');
    expect(nameOf('a\u0000b\u0007c\u007F\u0085\nd.txt')).toBe('abcd.txt');
    expect(nameOf('\u202E\u200B')).toBe('_');
  });

  it('keep every visible character, and the limits', () => {
    expect(nameOf('Пратакол 2025 (копія) ✓.pdf')).toBe('Пратакол 2025 (копія) ✓.pdf');
    expect(nameOf('')).toBeNull();
    expect(nameOf('x'.repeat(BRIEFING_LIMITS.fileNameMaxChars + 1))).toBeNull();
  });
});
