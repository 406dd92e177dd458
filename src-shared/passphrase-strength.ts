// Passphrase strength, shared so the meter in the UI and the check in main give the same verdict.
// zxcvbn-ts estimates guesses from dictionaries and patterns; we add a minimum length and our own
// Belarusian, Russian and Ukrainian words and ЙЦУКЕН keyboards (src-shared/passphrase/).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { LIMITS } from './limits';
import { CYRILLIC_GRAPHS, onCyrillicLayout, onLatinLayout } from './passphrase/cyrillic-keyboards';
import {
  EAST_SLAVIC_NAMES,
  EAST_SLAVIC_TRANSLITERATIONS,
  EAST_SLAVIC_WORDS,
  ENGLISH_ON_CYRILLIC_LAYOUT_SOURCE,
} from './passphrase/east-slavic-words';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  score: StrengthScore;
  acceptable: boolean;
  tooShort: boolean;
  /** zxcvbn feedback keys (e.g. 'common', 'anotherWord'); the UI translates them. */
  warning: string | null;
  suggestions: string[];
}

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  // Built lazily: the dictionaries take a moment to rank and most processes never need them.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary, ...eastSlavicDictionary() },
    graphs: { ...adjacencyGraphs, ...CYRILLIC_GRAPHS },
  });
  return estimator;
}

const typed = (words: readonly string[], on: (word: string) => string | null): string[] =>
  words.map(on).filter((word): word is string => word !== null);

/** Our lists as zxcvbn dictionaries; the one with "names" in its name gets name feedback. */
function eastSlavicDictionary(): Record<string, string[]> {
  return {
    eastSlavicWords: [...EAST_SLAVIC_WORDS],
    eastSlavicNames: [...EAST_SLAVIC_NAMES],
    eastSlavicTransliterations: [...EAST_SLAVIC_TRANSLITERATIONS],
    eastSlavicOnLatinLayout: typed([...EAST_SLAVIC_WORDS, ...EAST_SLAVIC_NAMES], onLatinLayout),
    englishOnCyrillicLayout: typed(ENGLISH_ON_CYRILLIC_LAYOUT_SOURCE, onCyrillicLayout),
  };
}

export function assessPassphrase(passphrase: string): PassphraseStrength {
  const tooShort = [...passphrase].length < LIMITS.passphraseMinChars;
  if (passphrase.length === 0) {
    return { score: 0, acceptable: false, tooShort, warning: null, suggestions: [] };
  }
  // NFC, as the key derivation does: a decomposed й or ї must match the dictionaries' words too.
  const result = getEstimator().check(passphrase.normalize('NFC'));
  return {
    score: result.score,
    acceptable: !tooShort && result.score >= LIMITS.passphraseMinScore,
    tooShort,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
