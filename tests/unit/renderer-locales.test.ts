// Every language says everything English says, with the same placeholders: a missing key would fall
// back to English mid-sentence, and a missing {{relay}} or {{date}} would drop the one fact that
// tells the user what to do.
import { describe, expect, it } from 'vitest';
import { be } from '../../src-renderer/i18n/locales/be';
import { en } from '../../src-renderer/i18n/locales/en';
import { ru } from '../../src-renderer/i18n/locales/ru';
import { uk } from '../../src-renderer/i18n/locales/uk';

type Strings = Map<string, string[]>;

/** Each key (plural forms folded into one) with the texts found under it. */
function strings(catalogue: object, prefix = '', into: Strings = new Map()): Strings {
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') {
      const folded = prefix + key.replace(/_(zero|one|two|few|many|other)$/, '');
      into.set(folded, [...(into.get(folded) ?? []), value]);
    } else {
      strings(value as object, `${prefix}${key}.`, into);
    }
  }
  return into;
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\{\w+\}\}/g) ?? [])].sort();
}

const english = strings(en);

describe.each([
  ['be', be],
  ['ru', ru],
  ['uk', uk],
])('the %s catalogue', (_language, catalogue) => {
  const translated = strings(catalogue);

  it('has every English key and no other', () => {
    expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('keeps the placeholders of every English text', () => {
    for (const [key, texts] of translated) {
      const wanted = placeholders(english.get(key)?.[0] ?? '');
      for (const text of texts) expect(placeholders(text), key).toEqual(wanted);
    }
  });
});
