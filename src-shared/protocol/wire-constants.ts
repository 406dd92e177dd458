// Numbers of the sync wire protocol v5 (docs/protocol.md): frame types, envelope kinds, roles,
// error codes, domain strings and fixed sizes. Client and relay both read them from here.
/**
 * The frame version. v2 added the invite frames and GROUP_FETCH for pending and departed devices;
 * v3 signed membership and document heads into every envelope and bound AUTH to the relay; v4 added
 * the share frames (one-off links to one encrypted item) and the relay's own signed identity in the
 * handshake (HELLO, CHALLENGE), leaving envelopes and entries as in v3; v5 added briefings: sealed
 * items addressed to one device (MAIL_*) and the encrypted chunks of their attachments (CHUNK_*).
 */
export const PROTOCOL_VERSION = 5;
/**
 * Envelope headers and membership entries are stored (by the relay and in vaults) long after the
 * frame that carried them, so each has its own version: a later frame version need not change what
 * is stored (v4 frames carry the v3 headers and entries unchanged).
 */
export const ENVELOPE_VERSION = 3;
/** v3: an admin's removal waits for a second admin under the two-admin policy. */
export const ENTRY_VERSION = 3;

export const ID_BYTES = 16;
export const KEY_BYTES = 32;
export const HASH_BYTES = 32;
export const NONCE_BYTES = 24;
export const SIGNATURE_BYTES = 64;
export const CHALLENGE_BYTES = 32;
/** HELLO's nonce: fresh per connection, so the relay's signed CHALLENGE cannot be replayed. */
export const HELLO_NONCE_BYTES = 32;
/** Rotation statements a CHALLENGE carries at most (the relay keeps only its latest ones). */
export const MAX_RELAY_ROTATIONS = 8;
/** An invite's encrypted material (group name, doc id, epoch keys): small, so the cap is tight. */
export const INVITE_MATERIAL_MAX_BYTES = 4096;

export const ClientFrameType = {
  auth: 0x01,
  subscribe: 0x02,
  unsubscribe: 0x03,
  publish: 0x04,
  ephemeral: 0x05,
  groupAppend: 0x06,
  groupFetch: 0x07,
  lockboxPut: 0x08,
  listGroups: 0x09,
  invitePut: 0x0a,
  inviteFetch: 0x0b,
  sharePut: 0x0c,
  shareFetch: 0x0d,
  shareDelete: 0x0e,
  hello: 0x0f,
  mailPut: 0x10,
  mailFetch: 0x11,
  mailRecall: 0x12,
  chunkPut: 0x13,
  chunkGet: 0x14,
  chunkCount: 0x15,
} as const;

export const RelayFrameType = {
  challenge: 0x81,
  authOk: 0x82,
  error: 0x83,
  ack: 0x84,
  deliver: 0x85,
  snapshotLink: 0x86,
  caughtUp: 0x87,
  ephemeral: 0x88,
  groupEntries: 0x89,
  groupList: 0x8a,
  ok: 0x8b,
  groupChanged: 0x8c,
  invite: 0x8d,
  share: 0x8e,
  mailItems: 0x8f,
  mailChanged: 0x90,
  chunk: 0x91,
} as const;

export const EnvelopeKind = { update: 1, snapshot: 2, ephemeral: 3 } as const;
export type EnvelopeKindName = keyof typeof EnvelopeKind;

export const Role = { admin: 1, editor: 2, viewer: 3 } as const;
export type RoleName = keyof typeof Role;

export const MembershipOpType = {
  create: 1,
  addMember: 2,
  invite: 3,
  join: 4,
  revokeInvite: 5,
  setRole: 6,
  remove: 7,
  leave: 8,
  rotate: 9,
  approve: 10,
  setPolicy: 11,
} as const;

/** Group policy flags (a bit set in 'create' and 'set-policy'). */
export const PolicyFlag = {
  /** Adding a member (directly or by invite) or changing a role needs a second admin's approval. */
  twoAdminApproval: 1,
  /** Someone who joins with an invite waits for an admin's approval before becoming a member. */
  joinApproval: 2,
  /** A removed device wipes what it holds of the group (instead of keeping it read-only). */
  wipeOnRemoval: 4,
} as const;

/** Error codes of the relay's ERROR frame. */
export const RelayError = {
  malformed: 1,
  unsupportedVersion: 2,
  notAuthenticated: 3,
  authFailed: 4,
  notMember: 5,
  forbidden: 6,
  badSignature: 7,
  unknownGroup: 8,
  wrongGroup: 9,
  staleSnapshot: 10,
  clockMismatch: 11,
  snapshotConflict: 12,
  frameTooLarge: 13,
  rateLimited: 14,
  quotaDocuments: 15,
  quotaBytes: 16,
  logConflict: 17,
  invalidEntry: 18,
  internal: 19,
  shuttingDown: 20,
  wrongEpoch: 21,
  notAuthor: 22,
  unknownInvite: 23,
  inviteUsed: 24,
  inviteRevoked: 25,
  inviteExpired: 26,
  /** The envelope names a membership log head that is not in the relay's log. */
  unknownLogHead: 27,
  /** SHARE_FETCH: no such share, or it has expired. */
  unknownShare: 28,
  /** SHARE_PUT: expiresAt is not a whole hour, is past, or is too far ahead by the relay's clock. */
  badExpiry: 29,
  /** SHARE_PUT: the group has as many live shares as the relay allows. */
  quotaShares: 30,
  /** CHUNK_GET: no such chunk (never stored, recalled or expired). */
  unknownChunk: 31,
  /** MAIL_PUT: a receipt for a briefing the relay no longer holds. */
  unknownBriefing: 32,
} as const;
export type RelayErrorName = keyof typeof RelayError;

export function relayErrorName(code: number): RelayErrorName | 'unknown' {
  const entry = Object.entries(RelayError).find(([, value]) => value === code);
  return entry ? (entry[0] as RelayErrorName) : 'unknown';
}

/** Domain separation: every signature and hash says what it is for, so none can be reused as another. */
export const Domain = {
  auth: 'suviaz/v1/auth',
  envelope: 'suviaz/v1/envelope',
  membership: 'suviaz/v1/membership-entry',
  entryHash: 'suviaz/v1/membership-entry-hash',
  lockbox: 'suviaz/v1/lockbox',
  snapshotProof: 'suviaz/v1/snapshot-proof',
  ciphertextHash: 'suviaz/v1/ciphertext-hash',
  epochKeyCommitment: 'suviaz/v1/epoch-key-commitment',
  documentKey: 'suviaz/v1/document-key',
  join: 'suviaz/v1/join',
  metadataKey: 'suviaz/v1/group-metadata-key',
  inviteFetch: 'suviaz/v1/invite-fetch',
  inviteMaterial: 'suviaz/v1/invite-material',
  profile: 'suviaz/v1/member-profile',
  relayChallenge: 'suviaz/v1/relay-challenge',
  relayRotation: 'suviaz/v1/relay-rotation',
  relayFingerprint: 'suviaz/v1/relay-fingerprint',
  /** Sync by file: the exporting device's signature over a bundle's contents. */
  bundle: 'suviaz/v1/bundle',
} as const;
