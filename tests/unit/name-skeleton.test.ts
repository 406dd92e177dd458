// Names a person could take for one another are the same name to the changed-key warning.
import { describe, expect, it } from 'vitest';
import { confusableNames, nameSkeleton } from '../../src-main/core/groups/name-skeleton';

describe('name skeletons (UTS #39)', () => {
  it('matches a name spelt with look-alike letters from another script', () => {
    expect(confusableNames('Alesia', 'Аlesia')).toBe(true); // Cyrillic А
    expect(confusableNames('Bob', 'Воb')).toBe(true); // Cyrillic В, о
    expect(confusableNames('Paul', 'Pau1')).toBe(true); // digit one for l
    expect(confusableNames(' alesia ', 'ALESIA')).toBe(true);
  });

  it('ignores invisible characters: default-ignorables, bidi controls and control characters', () => {
    const invisible = [
      '\u200B', // zero-width space
      '\u00AD', // soft hyphen
      '\u2060', // word joiner
      '\u200C', // zero-width non-joiner
      '\u200D', // zero-width joiner
      '\u034F', // combining grapheme joiner
      '\uFEFF', // zero-width no-break space
      '\u180E', // Mongolian vowel separator
      '\u3164', // Hangul filler
      '\uFE0F', // variation selector
      '\u{E0062}', // tag letter
      '\u061C', // Arabic letter mark
      '\u200E', // left-to-right mark
      '\u200F', // right-to-left mark
      '\u202A', // left-to-right embedding
      '\u202E', // right-to-left override
      '\u2066', // left-to-right isolate
      '\u2069', // pop directional isolate
      '\u0000',
      '\u0007',
      '\u007F',
      '\u0085',
    ];
    for (const c of invisible) {
      expect(confusableNames('Bob', `Bo${c}b`), JSON.stringify(c)).toBe(true);
      expect(confusableNames('Bob', `${c}Bob${c}`), JSON.stringify(c)).toBe(true);
    }
    expect(confusableNames('Alesia', '\u2066А\u200Dle\u00ADsia\u2069')).toBe(true); // Cyrillic А too
    // Joiners kept in a shown name for its spelling are still nothing to the comparison.
    expect(confusableNames('می\u200Cخواهم', 'میخواهم')).toBe(true);
  });

  it('reads every run of blank-looking characters as one space', () => {
    for (const blank of ['\u00A0', '\u2003', '\u3000', '\u2800', '  ', ' \u2800 ']) {
      expect(confusableNames('Ana Petrova', `Ana${blank}Petrova`), JSON.stringify(blank)).toBe(
        true,
      );
    }
    expect(confusableNames('Ana Petrova', 'AnaPetrova')).toBe(false);
  });

  it('keeps different names apart, in any script', () => {
    expect(confusableNames('Alesia', 'Alena')).toBe(false);
    expect(confusableNames('Алеся', 'Алена')).toBe(false);
    expect(nameSkeleton('Алеся')).not.toBe(nameSkeleton('Алёна'));
  });
});
