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
    /**
     * A copy of a plan's body (a version, a duplicate) goes out as one edit, and one edit must fit
     * one relay frame with room for everything else: a longer plan keeps no versions and is not
     * duplicated, rather than stop the space's saving behind an edit no frame can hold.
     */
    copyMaxBytes: 256 * 1024,
  },
  /** Briefings (docs/briefings.md): what a briefing may hold and how long it may live. */
  briefings: {
    titleMaxChars: 200,
    attachmentsMax: 10,
    fileNameMaxChars: 200,
    /** The expiry choices offered, in hours; "never" is offered besides. */
    expiryHours: [1, 6, 24, 72, 168, 720] as const,
    /** An image shown inline is opened into memory, so it is capped well below other files. */
    inlineImageMaxBytes: 20 * 1024 * 1024,
    /**
     * A received file is handed to the renderer whole, as base64 in one string: whatever the
     * sender's limit was, what fits that string (V8's ~512 M characters) with room to spare.
     */
    openMaxBytes: 256 * 1024 * 1024,
  },
  /** Briefing attachments (src-main/core/briefings/attachment-staging.ts, image-scrub.ts). */
  briefingAttachments: {
    /** Plaintext bytes per secretstream chunk; each sealed chunk is 17 bytes longer. */
    // Large enough that 100 MB is 200 frames (the relay's per-connection rate allows 200 a second),
    // small enough that a chunk in memory costs little and a resume repeats little.
    chunkBytes: 512 * 1024,
    /** Default size limit of one attachment; Settings may set another up to maxBytes. */
    defaultMaxBytes: 100 * 1024 * 1024,
    maxBytes: 2 * 1024 * 1024 * 1024,
    /** Largest image whose metadata is removed in memory before sealing; larger ones are refused. */
    imageScrubMaxBytes: 64 * 1024 * 1024,
  },
  /** Leak tracing by canary copies (src-main/core/briefings/leak-trace.ts). */
  leakTrace: {
    maxRecipients: 500,
    /** Longest pasted text "Check a leaked text" accepts. */
    pasteMaxChars: 200_000,
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
    /**
     * Entries in one group's membership log. Every member's joining, leaving and each new epoch is
     * one or two, so a real group stays far below; the bound keeps the relay's replay of a log it
     * evicted (and each client's check of it) short against a group made only to be long.
     */
    maxLogEntries: 10_000,
    maxGroupsListed: 1000,
    maxMessageString: 500,
    /** Frames per connection per second, sustained; bursts up to ratePerSecond * 2. */
    ratePerSecond: 200,
    documentsPerGroup: 1000,
    bytesPerGroup: 512 * 1024 * 1024,
    authTimeoutMs: 10_000,
    /** A share's ciphertext (one calendar event, encrypted): SHARE_PUT refuses more. */
    maxShareBytes: 64 * 1024,
    /**
     * An EPHEMERAL envelope (presence: a name, two cursor positions, a small profile; ~12 KiB at
     * most, presence.ts): relayed to every subscriber and never stored, so no quota bounds it but
     * this. A larger one would let a member (a viewer too) flood everyone's connection.
     */
    maxEphemeralBytes: 32 * 1024,
    /** Live shares per group; each also counts in the group's bytes. */
    sharesPerGroup: 1000,
    /** Longest a share may live: its expiresAt at most this far ahead (plus the rounding hour). */
    shareMaxDays: 31,
    /**
     * A share's expiresAt is a whole multiple of this (ms since 1970): the app rounds up, so the
     * relay learns when a share ends only to the hour.
     */
    shareExpiryStepMs: 60 * 60 * 1000,
    /** One sealed briefing copy, receipt or recall (MAIL_PUT): a briefing's text and its index. */
    maxMailBytes: 512 * 1024,
    /** Items one MAIL_FETCH answer carries at most; the client asks again for the rest. */
    mailPageItems: 100,
    /** Longest a briefing may live before it expires (the author may also choose never). */
    briefingMaxDays: 30,
    /** One encrypted attachment chunk (CHUNK_PUT): a 512 KiB plaintext chunk plus its tag. */
    maxChunkBytes: 512 * 1024 + 1024,
  },
  sync: {
    /** Local edits within this window go out as one update. */
    batchMs: 60,
    /** A client compacts a document into a new snapshot after this many updates on the current one. */
    snapshotEvery: 300,
    /**
     * A view opening a document gets the vault's rows as they are, up to this many (the vault
     * compacts at a few hundred); past it, main sends its state as one update instead.
     */
    openRowsMax: 16_384,
    reconnectMinMs: 250,
    // A relay restart should not cost anyone more than a few seconds; the full jitter of the
    // backoff still spreads a thousand clients' reconnects over this window.
    reconnectMaxMs: 5_000,
    /**
     * A connection that has read nothing for this long is pinged (and ended if the relay does not
     * answer): a reader in a quiet space would otherwise not notice a NAT that forgot its link.
     */
    idlePingMs: 45_000,
    presenceIntervalMs: 10_000,
    presenceTimeoutMs: 30_000,
  },
  /** Sync by file (docs/network.md "Sync by file"): a bundle carried on a USB stick. */
  bundle: {
    /**
     * A bundle file, whole: the space's document state, its membership log and lockboxes. In base64
     * it must fit one frame of the browser host's bridge (HOST_MAX_FRAME_BYTES) with room to spare.
     */
    maxBytes: 6_000_000,
    /** The encrypted part is padded to a multiple of this, so its size says little of the content. */
    padToBytes: 16 * 1024,
    /** Key slots are padded to a power of two, at least this many, so they hide the member count. */
    minSlots: 8,
    maxSlots: 4096,
  },
} as const;
