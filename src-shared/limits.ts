// Every size and time limit of the app in one place, so the UI, main, the relay and tests agree.
export const LIMITS = {
  passphraseMaxChars: 1024,
  /** A passphrase must reach this zxcvbn score (0–4, 4 = over 10^10 guesses) to be accepted. */
  passphraseMinScore: 4,
  passphraseMinChars: 12,
  noteTitleMaxChars: 500,
  /** A note's plain text (what search indexes), computed in main from its rich content. */
  noteBodyMaxChars: 2_000_000,
  /**
   * A note's rich content as JSON (ProseMirror's, src-shared/notes/note-content.ts): its text plus
   * the formatting; room for a full-length text of short lines, and under the browser host's frame.
   */
  noteContentMaxChars: 3_500_000,
  /** How deeply the nodes of a note may nest (a list in a list in a quote…). */
  noteContentMaxDepth: 100,
  tagMaxChars: 40,
  tagsPerNote: 32,
  searchQueryMaxChars: 500,
  searchMaxHits: 100,
  autoLockDefaultMinutes: 10,
  autoLockMaxMinutes: 24 * 60,
  /** Key file: how many equal-size passphrase slots it holds (real, duress, and random filler). */
  keyFileSlots: 8,
  displayNameMaxChars: 60,
  spaceNameMaxChars: 100,
  deviceCodeMaxChars: 300,
  inviteLinkMaxChars: 1000,
  /** Longest an invite may stay open; the default is LIMITS.inviteDefaultDays. */
  inviteMaxDays: 30,
  inviteDefaultDays: 7,
  /** A sensitive text copied through main (a link, a code, a briefing) and how long it stays. */
  sensitiveCopyMaxChars: 100_000,
  sensitiveClipboardClearMs: 60_000,
  /** Campaign plans (src-shared/plans): what a reader accepts from the shared document. */
  plans: {
    titleMaxChars: 200,
    taskTitleMaxChars: 500,
    commentMaxChars: 5000,
    quoteMaxChars: 500,
    versionNameMaxChars: 100,
    /** Automatic versions kept per plan; named versions are kept for good. */
    autoVersionsKept: 20,
    /** An automatic version is saved at most this often while someone edits. */
    autoVersionEveryMs: 5 * 60 * 1000,
  },
  /** A single edit's Yjs update, base64: must fit a relay frame with room for the envelope. */
  yjsUpdateMaxBase64Chars: 1_000_000,
  /** The renderer reports activity at most this often. */
  activityThrottleMs: 15_000,
  /** Defaults of the relay's limits; each can be changed by a flag or environment variable. */
  relay: {
    maxFrameBytes: 1024 * 1024,
    maxHeaderBytes: 64 * 1024,
    maxEpoch: 1_000_000,
    maxAuthorsPerSnapshot: 1000,
    maxEntryBytes: 16 * 1024,
    maxGroupsListed: 1000,
    maxMessageString: 500,
    /** Frames per connection per second, sustained; bursts up to ratePerSecond * 2. */
    ratePerSecond: 200,
    documentsPerGroup: 1000,
    bytesPerGroup: 512 * 1024 * 1024,
    authTimeoutMs: 10_000,
    /** A share's ciphertext (one calendar event, encrypted): SHARE_PUT refuses more. */
    maxShareBytes: 64 * 1024,
    /** Live shares per group; each also counts in the group's bytes. */
    sharesPerGroup: 1000,
    /** Longest a share may live: its expiresAt at most this far ahead (plus the rounding hour). */
    shareMaxDays: 31,
    /**
     * A share's expiresAt is a whole multiple of this (ms since 1970): the app rounds up, so the
     * relay learns when a share ends only to the hour.
     */
    shareExpiryStepMs: 60 * 60 * 1000,
  },
  sync: {
    /** Local edits within this window go out as one update. */
    batchMs: 60,
    /** A client compacts a document into a new snapshot after this many updates on the current one. */
    snapshotEvery: 300,
    reconnectMinMs: 250,
    // A relay restart should not cost anyone more than a few seconds; the full jitter of the
    // backoff still spreads a thousand clients' reconnects over this window.
    reconnectMaxMs: 5_000,
    presenceIntervalMs: 10_000,
    presenceTimeoutMs: 30_000,
  },
} as const;
