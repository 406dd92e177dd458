// Every size and time limit of the app in one place, so the UI, main and tests agree on them.
export const LIMITS = {
  passphraseMaxChars: 1024,
  /** A passphrase must reach this zxcvbn score (0–4, 4 = over 10^10 guesses) to be accepted. */
  passphraseMinScore: 4,
  passphraseMinChars: 12,
  noteTitleMaxChars: 500,
  noteBodyMaxChars: 2_000_000,
  tagMaxChars: 40,
  tagsPerNote: 32,
  searchQueryMaxChars: 500,
  searchMaxHits: 100,
  autoLockDefaultMinutes: 10,
  autoLockMaxMinutes: 24 * 60,
  /** Key file: how many equal-size passphrase slots it holds (real, duress, and random filler). */
  keyFileSlots: 8,
  /** The renderer reports activity at most this often. */
  activityThrottleMs: 15_000,
} as const;
