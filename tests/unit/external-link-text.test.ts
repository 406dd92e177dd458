// The dialog before a link opens in the system browser speaks the page's language, and warns in
// each that the site sees the IP address.
import { describe, expect, it } from 'vitest';
import { externalLinkText } from '../../src-main/app/external-link-text';

describe('the external link dialog', () => {
  it('is in the page’s language, with every part translated', () => {
    const english = externalLinkText('en');
    for (const language of ['uk', 'be', 'ru']) {
      const text = externalLinkText(language);
      for (const part of ['cancel', 'open', 'question', 'warning'] as const) {
        expect(text[part], `${language} ${part}`).not.toBe(english[part]);
        expect(text[part].length, `${language} ${part}`).toBeGreaterThan(0);
      }
      expect(text.warning).toContain('IP');
      expect(text.warning).toContain('Tor');
    }
    expect(externalLinkText('be-BY')).toEqual(externalLinkText('be'));
  });

  it('falls back to English for any other language, or none', () => {
    for (const language of ['de', '', 'toString', 'constructor']) {
      expect(externalLinkText(language)).toEqual(externalLinkText('en'));
    }
  });
});
