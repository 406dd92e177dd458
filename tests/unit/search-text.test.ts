import { describe, expect, it } from 'vitest';
import { buildFtsQuery, normalizeForSearch } from '../../src-main/core/notes/search-text';

describe('normalizeForSearch', () => {
  it('folds ё to е in both cases and leaves other letters alone', () => {
    expect(normalizeForSearch('Ёжик ёлка')).toBe('Ежик елка');
    expect(normalizeForSearch('Ўсход Київ ґанок')).toBe('Ўсход Київ ґанок');
  });

  it('composes decomposed text (NFC) first, so a decomposed ё folds too', () => {
    expect(normalizeForSearch('е\u0308жик')).toBe('ежик');
    expect(normalizeForSearch('i\u0308')).toBe('ï');
  });
});

describe('buildFtsQuery', () => {
  it('turns every word into a quoted prefix term, AND-joined', () => {
    expect(buildFtsQuery('Менс')).toBe('"Менс"*');
    expect(buildFtsQuery('  ёжик   в\tтумане ')).toBe('"ежик"* AND "в"* AND "тумане"*');
  });

  it('keeps FTS syntax inside quotes, doubling inner quotes', () => {
    expect(buildFtsQuery('"a" OR NEAR(')).toBe('"""a"""* AND "OR"* AND "NEAR("*');
    expect(buildFtsQuery('title:x* -y ^z')).toBe('"title:x*"* AND "-y"* AND "^z"*');
  });

  it('drops chunks without a letter or digit, and returns null when nothing is left', () => {
    expect(buildFtsQuery('')).toBeNull();
    expect(buildFtsQuery('   ')).toBeNull();
    expect(buildFtsQuery('" ( ) * - …')).toBeNull();
    expect(buildFtsQuery('кот — пёс')).toBe('"кот"* AND "пес"*');
  });
});
