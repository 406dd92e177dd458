// Passphrase strength with Belarusian, Russian and Ukrainian: common words, names, transliterations,
// words typed on the wrong layout and ЙЦУКЕН keyboard walks, which the English-only estimator took
// for random letters, are now judged too easy to guess.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-shared/limits';
import { assessPassphrase } from '../../src-shared/passphrase-strength';
import { onCyrillicLayout, onLatinLayout } from '../../src-shared/passphrase/cyrillic-keyboards';

/** The estimator as it was before: the common and English packs only. */
const englishOnly = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
});
const acceptedBefore = (passphrase: string): boolean =>
  [...passphrase].length >= LIMITS.passphraseMinChars &&
  englishOnly.check(passphrase).score >= LIMITS.passphraseMinScore;

describe('passphrase strength in Belarusian, Russian and Ukrainian', () => {
  it.each([
    ['Russian words run together', 'парольлюбовьпривет'],
    ['a name and a phrase', 'люблютебянаташа'],
    ['a word and a year', 'любовьнавсегда1'],
    ['Ukrainian slogan, transliterated', 'Slavaukraini1'],
    ['Ukrainian slogan', 'славаукраїні2022!'],
    ['Belarusian slogan and a year', 'жывебеларусь1994'],
    ['a name, a year, punctuation', 'Наташа1987!!'],
    ['the Russian keyboard row', 'йцукенгшщзхъ'],
    ['the home row on ЙЦУКЕН', 'фывапролджэ123'],
    ['the bottom row on ЙЦУКЕН', 'ячсмитьбю1234'],
    ['"password" typed on a Russian layout', 'зфыыцщкв12345'],
  ])('%s (%s): accepted before, refused now', (_what, passphrase) => {
    expect(acceptedBefore(passphrase)).toBe(true);
    expect(assessPassphrase(passphrase).acceptable).toBe(false);
  });

  it('finds a word typed in decomposed Unicode as well (ї as і and a diaeresis)', () => {
    const decomposed = 'славаукраїні2022!'.normalize('NFD');
    expect(decomposed).not.toBe('славаукраїні2022!');
    expect(assessPassphrase(decomposed).acceptable).toBe(false);
  });

  it('maps keys between the layouts as a keyboard does', () => {
    expect(onLatinLayout('пароль')).toBe('gfhjkm');
    expect(onLatinLayout('привет')).toBe('ghbdtn');
    expect(onLatinLayout('любовь')).toBe('k.,jdm');
    expect(onCyrillicLayout('password')).toBe('зфыыцщкв');
    expect(onCyrillicLayout('qwerty')).toBe('йцукен');
  });

  it('still accepts a long passphrase of uncommon Cyrillic words', () => {
    expect(assessPassphrase('шчупак вандруе пад зоркамі восеньскім вечарам').acceptable).toBe(true);
    expect(assessPassphrase('lantern orchard velvet 1994 compass').acceptable).toBe(true);
  });
});
