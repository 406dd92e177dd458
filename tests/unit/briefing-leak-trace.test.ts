import { beforeAll, describe, expect, it } from 'vitest';
import { flattenDoc } from '../../src-main/core/briefings/leak-trace-doc';
import {
  makeCanaryCopies,
  traceLeak,
  unmarkDoc,
  unmarkText,
  type CanaryMap,
} from '../../src-main/core/briefings/leak-trace';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import type { NoteDoc, NoteJsonNode } from '../../src-shared/notes/note-content';

const RECIPIENTS = ['alena', 'bahdan', 'ciaslau', 'darja', 'jauhien'];
const ZW = /\u200b|\u200c|\u200d|\u2060/g;

const para = (...content: NoteJsonNode[]): NoteJsonNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: NoteJsonNode['marks']): NoteJsonNode =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };

const BRIEFING: NoteDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Затрыманні ў Гродне ўначы 9 сакавіка')] },
    para(
      t('Учора позна ўвечары супрацоўнікі ГУБАЗіК правялі ператрусы ў трох кватэрах на вуліцы '),
      t('Сацыялістычнай', [{ type: 'bold' }]),
      t(
        '. Затрыманыя трое актывістаў, якія дапамагалі сем’ям палітвязняў з перадачамі і адвакатамі.',
      ),
    ),
    para(
      t(
        'По нашим данным, задержанных доставили в изолятор временного содержания на улице Карбышева. Родственникам не сообщают, какие статьи им вменяют. Адвокат пока не допущен, передачи не принимают.',
      ),
    ),
    {
      type: 'bulletList',
      content: [
        'Не публикуйте имена до согласия семей.',
        'Проверьте, не было ли у задержанных доступа к нашему чату координации.',
        'Смените пароли к общим почтовым ящикам сегодня же.',
      ].map((item) => ({ type: 'listItem', content: [para(t(item))] })),
    },
    para(
      t(
        'Please do not forward this briefing outside the core group. The families asked us to keep the names private until the lawyers have seen the case files.',
      ),
    ),
    para(
      t('Contact the legal team through the '),
      t('Signal group', [{ type: 'link', attrs: { href: 'https://signal.group/#abc' } }]),
      t(', reference '),
      t('GR-2024-0309', [{ type: 'code' }]),
      t(', or write to legal@example.org today.'),
    ),
    para(
      t(
        'Следующее обновление будет завтра к полудню, если ситуация не изменится раньше. Берегите себя и проверяйте, кто читает вашу переписку.',
      ),
    ),
  ],
};

const PLAIN = flattenDoc(BRIEFING).text;
const seedOf = (n: number) => new Uint8Array(32).fill(n);
/** What a recipient gets on the clipboard: the flat text with paragraphs a blank line apart. */
const pasted = (doc: NoteDoc) => flattenDoc(doc).text.replaceAll('\n', '\n\n');
const excerpt = (text: string, from: number, share = 0.3) =>
  text.slice(Math.floor(text.length * from), Math.floor(text.length * (from + share)));

let docCopies: ReturnType<typeof makeCanaryCopies<NoteDoc>>;
let textCopies: ReturnType<typeof makeCanaryCopies<string>>;

beforeAll(async () => {
  await sodiumReady();
  docCopies = makeCanaryCopies(BRIEFING, RECIPIENTS, { seed: seedOf(1) });
  textCopies = makeCanaryCopies(PLAIN, RECIPIENTS, { seed: seedOf(2) });
});

function expectTraced(text: string, map: CanaryMap, recipientId: string) {
  const result = traceLeak(text, map);
  expect(result, `expected ${recipientId}`).toMatchObject({ verdict: 'recipient', recipientId });
  return result;
}

describe('canary copies', () => {
  it('are all different, none the original, and carry enough bits', () => {
    const texts = docCopies.copies.map((c) => pasted(c.body));
    expect(new Set([...texts, pasted(BRIEFING)]).size).toBe(RECIPIENTS.length + 1);
    expect(textCopies.copies.every((c) => c.body !== PLAIN)).toBe(true);
    expect(docCopies.bits).toBeGreaterThan(150);
    expect(docCopies.minDistance).toBeGreaterThan(docCopies.bits / 4);
  });

  it('read the same once the carriers are normalised away, node for node', () => {
    const plainDoc = unmarkDoc(BRIEFING);
    for (const { body } of docCopies.copies) expect(unmarkDoc(body)).toEqual(plainDoc);
    for (const { body } of textCopies.copies) expect(unmarkText(body)).toBe(unmarkText(PLAIN));
    // And the normalising touched only the carriers: the original has none to lose.
    expect(unmarkText(PLAIN)).toBe(PLAIN);
  });

  it('leave code, links and addresses untouched', () => {
    for (const { body } of docCopies.copies) {
      const text = pasted(body);
      expect(text).toContain('Signal group');
      expect(text).toContain('GR-2024-0309');
      expect(text).toContain('legal@example.org ');
    }
  });

  it('give the original only to the recipients asked for, who are not in the map', () => {
    const result = makeCanaryCopies(BRIEFING, [...RECIPIENTS, 'author'], {
      seed: seedOf(3),
      pristineFor: ['author'],
    });
    expect(result.copies.find((c) => c.recipientId === 'author')!.body).toEqual(BRIEFING);
    expect(
      result.copies
        .filter((c) => c.recipientId !== 'author')
        .every((c) => pasted(c.body) !== pasted(BRIEFING)),
    ).toBe(true);
    expect(result.map.recipients.map((r) => r.recipientId)).toEqual(RECIPIENTS);
  });

  it('refuse a text too short to trace', () => {
    expect(() => makeCanaryCopies('Сустрэча заўтра.', RECIPIENTS)).toThrow(/too short/);
  });
});

describe('tracing a leak', () => {
  it('names the recipient of each full copy and of a 30 % excerpt', () => {
    for (const { recipientId, body } of docCopies.copies) {
      expectTraced(pasted(body), docCopies.map, recipientId);
      for (const from of [0, 0.35, 0.7])
        expectTraced(excerpt(pasted(body), from), docCopies.map, recipientId);
    }
    for (const { recipientId, body } of textCopies.copies) {
      expectTraced(excerpt(body, 0.4), textCopies.map, recipientId);
    }
  });

  it('still names the recipient when zero-width marks, and then no-break spaces, were stripped', () => {
    for (const { recipientId, body } of docCopies.copies) {
      const noZeroWidth = pasted(body).replace(ZW, '');
      const result = expectTraced(noZeroWidth, docCopies.map, recipientId);
      expect(result.carriers).toEqual({ zeroWidth: false, spaces: true, homoglyphs: true });
      expectTraced(noZeroWidth.replaceAll('\u00a0', ' '), docCopies.map, recipientId);
      expectTraced(excerpt(noZeroWidth, 0.5), docCopies.map, recipientId);
    }
  });

  it('names the recipient of a lightly edited excerpt', () => {
    const { recipientId, body } = docCopies.copies[2]!;
    const edited = excerpt(pasted(body), 0.2, 0.4)
      .replace(/\S+/, 'Увага:')
      .replace(/([.,])/g, '$1 ')
      .replace(/\n+/g, ' ');
    expectTraced(edited, docCopies.map, recipientId);
  });

  it('cannot tell for retyped or cleaned text, or an excerpt too short', () => {
    expect(traceLeak(pasted(BRIEFING), docCopies.map)).toMatchObject({
      verdict: 'cannot-tell',
      reason: 'no-marks',
    });
    const cleaned = unmarkText(pasted(docCopies.copies[0]!.body));
    expect(traceLeak(cleaned, docCopies.map)).toMatchObject({ verdict: 'cannot-tell' });
    const tiny = excerpt(pasted(docCopies.copies[0]!.body), 0.5, 0.03);
    expect(traceLeak(tiny, docCopies.map)).toMatchObject({
      verdict: 'cannot-tell',
      reason: 'too-short',
    });
  });

  it('never names a third person for a blend of two copies', () => {
    const texts = docCopies.copies.map((c) => pasted(c.body));
    for (let a = 0; a < texts.length; a++) {
      for (let b = 0; b < texts.length; b++) {
        if (a === b) continue;
        const [first, second] = [texts[a]!, texts[b]!];
        const parts = [first.split(/(\s+)/), second.split(/(\s+)/)];
        const blends = [0.3, 0.5, 0.7].map(
          (share) =>
            first.slice(0, Math.floor(first.length * share)) +
            second.slice(Math.floor(second.length * share)),
        );
        // Word by word, alternating: every other chunk from the other copy.
        blends.push(parts[0]!.map((part, i) => (i % 4 < 2 ? part : parts[1]![i])).join(''));
        for (const blend of blends) {
          const result = traceLeak(blend, docCopies.map);
          if (result.verdict === 'recipient') {
            expect([RECIPIENTS[a], RECIPIENTS[b]]).toContain(result.recipientId);
          }
        }
        const evenMix = traceLeak(blends[3]!, docCopies.map);
        expect(evenMix.verdict).toBe('cannot-tell');
      }
    }
  });

  it('traces copies made under other seeds as well', () => {
    for (const seed of [7, 8, 9]) {
      const { copies, map } = makeCanaryCopies(PLAIN, RECIPIENTS, { seed: seedOf(seed) });
      for (const { recipientId, body } of copies)
        expectTraced(excerpt(body, 0.1), map, recipientId);
      // Another briefing's map finds nothing of this one.
      expect(traceLeak(copies[0]!.body, textCopies.map).verdict).toBe('cannot-tell');
    }
  });

  it('refuses a damaged map and an over-long paste with a clear error', () => {
    expect(() => traceLeak('x', { ...docCopies.map, seed: 'AAAA' })).toThrow(/map is damaged/);
    expect(() => traceLeak('x'.repeat(200_001), docCopies.map)).toThrow(/too long/);
  });
});
