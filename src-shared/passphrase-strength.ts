// Passphrase strength, shared so the meter in the UI and the check in main give the same verdict.
// zxcvbn-ts estimates guesses from dictionaries and patterns; we only add a minimum length.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { LIMITS } from './limits';

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
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

export function assessPassphrase(passphrase: string): PassphraseStrength {
  const tooShort = [...passphrase].length < LIMITS.passphraseMinChars;
  if (passphrase.length === 0) {
    return { score: 0, acceptable: false, tooShort, warning: null, suggestions: [] };
  }
  const result = getEstimator().check(passphrase);
  return {
    score: result.score,
    acceptable: !tooShort && result.score >= LIMITS.passphraseMinScore,
    tooShort,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
