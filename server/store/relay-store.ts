// What the relay needs from durable storage. The embedded default is SQLite (sqlite-store.ts); for
// several relay processes, PostgreSQL (pg-store.ts) takes its place behind the same interface.
//
// Every mutating method is ONE transaction that is durable when its promise resolves (for
// commitEnvelope: when its `durable` does), and every method that returns stored content returns only
// what is durable: the relay acknowledges and hands out only that, so nothing it told anyone of can be lost. Mutations re-check what the relay
// validated against (expected index or last seq) and throw StoreConflictError if another writer got
// there first, so several relay processes over one database stay correct.

export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/**
 * A guard saw the group's usage reach a limit: another relay process used the room between the
 * relay's check and this commit. The handler refuses with the quota code, as if it had seen it.
 */
export class StoreQuotaError extends StoreConflictError {
  constructor(readonly quota: 'documents' | 'bytes' | 'shares') {
    super(`the group's ${quota} quota is reached`);
    this.name = 'StoreQuotaError';
  }
}

/**
 * What a write that adds to a group checks again inside its own transaction, where several relay
 * processes share the store: the relay validated against the group's log and usage it read before,
 * and another process may have changed them since. A store only one process writes (SQLite, under
 * the relay's group lock) may ignore it. Log length: StoreConflictError; limits: StoreQuotaError.
 */
export interface GroupGuard {
  /** The log length the relay judged membership and rights at. */
  logLength?: number;
  maxDocuments?: number;
  maxBytes: number;
  maxShares?: number;
}

export interface GroupUsage {
  documents: number;
  bytes: number;
}

/** A document's position: its group, last seq and active snapshot with the clocks on it. */
export interface StoredDoc {
  docId: Uint8Array;
  groupId: Uint8Array;
  lastSeq: number;
  activeSnapshotId: Uint8Array;
  activeProof: Uint8Array;
  activeGeneration: number;
  activeSeq: number;
  /** Per author (hex signing key), the last update clock on the active snapshot. */
  clocks: Map<string, number>;
}

export interface StoredMessage {
  seq: number;
  envelope: Uint8Array;
}

export interface StoredLink {
  seq: number;
  snapshotId: Uint8Array;
  link: Uint8Array;
}

export interface AppendEntry {
  groupId: Uint8Array;
  index: number;
  entry: Uint8Array;
  /** The device this entry makes a member (the creator for index 0), for LIST_GROUPS. */
  newMember: Uint8Array | null;
}

export interface PutLockbox {
  groupId: Uint8Array;
  epoch: number;
  recipient: Uint8Array;
  /** The admin who signed it: each admin has its own lockbox per (group, epoch, recipient). */
  author: Uint8Array;
  lockbox: Uint8Array;
  guard?: GroupGuard;
}

export interface PutInviteMaterial {
  groupId: Uint8Array;
  inviteKey: Uint8Array;
  /** Encrypted by the inviting admin with a key derived from the link's seed. */
  material: Uint8Array;
  guard?: GroupGuard;
}

/** A share (SHARE_PUT): one encrypted item left for whoever holds its link, until expiresAt. */
export interface StoredShare {
  shareId: Uint8Array;
  /** The group whose storage it counts in. */
  groupId: Uint8Array;
  /** The device that put it, the only one that may delete it. */
  author: Uint8Array;
  /** Ms since 1970. */
  expiresAt: number;
  ciphertext: Uint8Array;
}

/** A briefing's item for one device (MAIL_PUT): a sealed copy, receipt or recall. */
export interface StoredMail {
  groupId: Uint8Array;
  briefingId: Uint8Array;
  kind: number;
  sender: Uint8Array;
  recipient: Uint8Array;
  /** Ms since 1970, a whole hour; 0: until recalled. */
  expiresAt: number;
  ciphertext: Uint8Array;
}

/** One encrypted chunk of a briefing's attachment (CHUNK_PUT). */
export interface StoredChunk {
  groupId: Uint8Array;
  briefingId: Uint8Array;
  blobId: Uint8Array;
  index: number;
  /** The device that put it: only its briefing's author may recall it. */
  owner: Uint8Array;
  expiresAt: number;
  bytes: Uint8Array;
}

export interface CommitEnvelope {
  docId: Uint8Array;
  groupId: Uint8Array;
  /** null: the document must not exist yet and this envelope creates it. */
  expectedLastSeq: number | null;
  kind: 'update' | 'snapshot';
  snapshotId: Uint8Array;
  author: Uint8Array;
  clock: number;
  envelope: Uint8Array;
  /** For a snapshot: what becomes the document's active snapshot. */
  snapshot: { proof: Uint8Array; generation: number; link: Uint8Array } | null;
  guard?: GroupGuard;
}

/**
 * A committed envelope: its seq, once later reads and validation see it, and when it is durable.
 * Nothing about it may leave the relay (ACK, fan-out) before `durable` resolves.
 */
export interface CommittedEnvelope {
  seq: number;
  durable: Promise<void>;
}

export interface RelayStore {
  /** Other relay processes write to this store too: in-memory views of it must be re-checked. */
  readonly shared?: boolean;
  /** Throws if the store cannot be reached now (GET /health); absent: always reachable. */
  ping?(): Promise<void>;

  groupEntries(groupId: Uint8Array, fromIndex: number, limit: number): Promise<Uint8Array[]>;
  groupExists(groupId: Uint8Array): Promise<boolean>;
  /** Stores the entry; StoreConflictError if that index is taken or the one before is missing. */
  appendGroupEntry(append: AppendEntry): Promise<void>;
  groupsOfDevice(device: Uint8Array, limit: number): Promise<Uint8Array[]>;
  groupUsage(groupId: Uint8Array): Promise<GroupUsage>;

  /** The lockbox `author` stored for (group, epoch, recipient), if any. */
  getLockbox(
    groupId: Uint8Array,
    epoch: number,
    recipient: Uint8Array,
    author: Uint8Array,
  ): Promise<Uint8Array | null>;
  /**
   * Stores a new lockbox, counted in the group's bytes; StoreConflictError if one exists for
   * (group, epoch, recipient, author).
   */
  putLockbox(put: PutLockbox): Promise<void>;
  /** Every lockbox for the recipient, of every author, by epoch. */
  lockboxesFor(groupId: Uint8Array, recipient: Uint8Array): Promise<Uint8Array[]>;

  /** Stores an invite's material, counted in the group's bytes; StoreConflictError if one exists. */
  putInviteMaterial(put: PutInviteMaterial): Promise<void>;
  getInviteMaterial(groupId: Uint8Array, inviteKey: Uint8Array): Promise<Uint8Array | null>;

  /** Stores a share, counted in its group's bytes; StoreConflictError if the id is taken. */
  putShare(share: StoredShare, guard?: GroupGuard): Promise<void>;
  /** The share with this id, expired or not (the caller judges expiry by its own clock). */
  getShare(shareId: Uint8Array): Promise<StoredShare | null>;
  /** Deletes the share if `author` put it, and uncounts its bytes; false if there was none. */
  deleteShare(shareId: Uint8Array, author: Uint8Array): Promise<boolean>;
  /** Deletes every share with expiresAt <= now; returns how many. */
  deleteExpiredShares(now: number): Promise<number>;
  /** Shares stored for the group, expired ones not yet deleted included. */
  countShares(groupId: Uint8Array): Promise<number>;

  /**
   * Stores a mail item with the next seq, counted in its group's bytes; an item with the same
   * (briefing, kind, sender, recipient) is replaced (a receipt moves from read to acknowledged).
   */
  putMail(mail: StoredMail, guard?: GroupGuard): Promise<number>;
  /** Up to `limit` live items for the recipient in the group with seq > afterSeq, by seq. */
  mailFor(
    groupId: Uint8Array,
    recipient: Uint8Array,
    afterSeq: number,
    limit: number,
  ): Promise<(StoredMail & { seq: number })[]>;
  /** The device that sent the briefing's copies, while any copy is stored. */
  briefingAuthor(groupId: Uint8Array, briefingId: Uint8Array): Promise<Uint8Array | null>;
  /** Deletes the briefing's copies, receipts and chunks (not its recalls); uncounts their bytes. */
  recallBriefing(groupId: Uint8Array, briefingId: Uint8Array): Promise<void>;
  /** Stores a chunk, counted in its group's bytes; the same chunk again replaces it. */
  putChunk(chunk: StoredChunk, guard?: GroupGuard): Promise<void>;
  getChunk(blobId: Uint8Array, index: number): Promise<StoredChunk | null>;
  /** How many chunks of the blob are stored from index 0 without a gap (the first missing index). */
  countChunks(blobId: Uint8Array): Promise<number>;
  /** Deletes every mail item and chunk with 0 < expiresAt <= now; returns how many. */
  deleteExpiredMail(now: number): Promise<number>;

  getDoc(docId: Uint8Array): Promise<StoredDoc | null>;
  /** The stored update of this author with this clock on this snapshot, if any. */
  findUpdate(
    docId: Uint8Array,
    snapshotId: Uint8Array,
    author: Uint8Array,
    clock: number,
  ): Promise<StoredMessage | null>;
  findSnapshot(docId: Uint8Array, snapshotId: Uint8Array): Promise<StoredMessage | null>;
  /** Assigns the next seq, stores, moves clocks and the active snapshot. */
  commitEnvelope(commit: CommitEnvelope): Promise<CommittedEnvelope>;

  /**
   * Links of the document's snapshots with afterSeq < seq <= maxSeq, in seq order: at most limit of
   * them (a catch-up reads them a page at a time, however many a writer made).
   */
  snapshotLinks(
    docId: Uint8Array,
    afterSeq: number,
    maxSeq: number,
    limit: number,
  ): Promise<StoredLink[]>;
  getMessage(docId: Uint8Array, seq: number): Promise<StoredMessage | null>;
  /**
   * Updates with afterSeq < seq <= maxSeq, in seq order: at most limit of them, and none after the
   * one that brings their envelopes to maxBytes (the first always comes, whatever its size).
   */
  updates(
    docId: Uint8Array,
    afterSeq: number,
    maxSeq: number,
    limit: number,
    maxBytes: number,
  ): Promise<StoredMessage[]>;

  countDocuments(): Promise<number>;
  close(): Promise<void>;
}
