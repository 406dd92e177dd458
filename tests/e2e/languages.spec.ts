// Belarusian, Russian and Ukrainian are complete: in each, every main screen is walked and every
// text a person sees or a screen reader reads (text nodes, aria-label, title, placeholder, alt...)
// is checked for English. Text marked as another language (lang="en" on "English" in the switcher)
// and what the user typed are not UI text and are left out.
import { expect, test, type Page } from '@playwright/test';
import { stopTourProcesses, tourScreens } from './screen-tour';

test.afterEach(stopTourProcesses);

/** Words that are the same in every language: names, formats, keys. */
const ALLOWED = new Set(
  [
    'Suviaz',
    'Markdown',
    'HTML',
    'PDF',
    'QR',
    'Tor',
    'Ctrl',
    'Alt',
    'Shift',
    'Cmd',
    'Esc',
    'Enter',
    'Tab',
    'PNG',
    'JPEG',
    'WebP',
    'HEIC',
    'mailto',
    'wss',
    'ws',
    'https',
    'http',
  ].map((word) => word.toLowerCase()),
);

/** Runs in the page: every rendered text node and screen-reader attribute, outside other-lang parts. */
const COLLECT_TEXTS = `(() => {
  const pageLang = document.documentElement.lang;
  const attributes = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext',
    'aria-placeholder', 'title', 'placeholder', 'alt', 'data-placeholder'];
  const out = [];
  const describe = (element) => {
    const id = element.getAttribute('data-testid');
    return element.tagName.toLowerCase() + (id ? '[data-testid=' + id + ']' : '') +
      (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
  };
  const otherLanguage = (element) => {
    const marked = element.closest('[lang]');
    return marked !== null && marked.getAttribute('lang') !== pageLang;
  };
  const rendered = (element) => element.checkVisibility({ visibilityProperty: false }) ||
    element.closest('.visually-hidden') !== null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent.trim();
    if (!parent || !text || ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(parent.tagName)) continue;
    if (parent.closest('.ProseMirror, [contenteditable="true"]')) continue;
    if (otherLanguage(parent) || !rendered(parent)) continue;
    out.push({ where: describe(parent), text });
  }
  for (const element of document.querySelectorAll('*')) {
    if (otherLanguage(element)) continue;
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value && value.trim()) out.push({ where: describe(element) + ' @' + name, text: value.trim() });
    }
  }
  out.push({ where: 'document.title', text: document.title });
  return out;
})()`;

/** Addresses and codes, and key names as printed on keyboards: the same in every language. */
const NOT_WORDS = /suviaz1:\S+|suviaz:\/\/\S+|(?:https?|wss?):\/\/\S+|[\w.-]+@[\w.-]+|Caps Lock/g;

function englishWords(text: string): string[] {
  const words = text.replace(NOT_WORDS, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  return words.filter((word) => !ALLOWED.has(word.toLowerCase()));
}

async function englishOn(page: Page, screen: string): Promise<string[]> {
  const texts = (await page.evaluate(COLLECT_TEXTS)) as { where: string; text: string }[];
  expect(texts.length, `texts collected on ${screen}`).toBeGreaterThan(3);
  return texts
    .filter(({ text }) => englishWords(text).length > 0)
    .map(({ where, text }) => `  [${screen}] ${where}: ${JSON.stringify(text)}`);
}

for (const language of ['be', 'ru', 'uk'] as const) {
  test(`no English on any main screen in ${language}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const found = new Set<string>();
    await tourScreens(browser, {
      language,
      visit: async (page, screen) => {
        for (const line of await englishOn(page, screen)) found.add(line);
      },
    });
    const report = [...found].join('\n');
    if (report) console.log(`English in ${language}:\n${report}`);
    expect(report, `English in ${language}:\n${report}`).toBe('');
  });
}
