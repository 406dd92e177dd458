// The document rules of PUBLISH (docs/protocol.md §5), pure: given a checked envelope and the
// document's stored position, either the commit that accepts it or a Refusal. Membership, epoch and
// quotas are checked by the caller.
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import {
  encodeSnapshotLink,
  snapshotProofInput,
  ZERO_HASH,
  ZERO_ID,
  type EnvelopeHeader,
  type SnapshotFields,
} from '../../src-shared/protocol/envelope';
import { sha256 } from '../crypto';
import { refuse } from '../refusal';
import type { CommitEnvelope, StoredDoc } from '../store/relay-store';
import type { CheckedEnvelope } from './envelope-auth';

function sameClocks(claimed: SnapshotFields['parentClocks'], stored: Map<string, number>): boolean {
  const byAuthor = new Map(claimed.map(({ author, clock }) => [toHex(author), clock]));
  // A repeated author would collapse in the map: that is not "exactly equal" either.
  if (byAuthor.size !== claimed.length || byAuthor.size !== stored.size) return false;
  for (const [author, clock] of stored) if (byAuthor.get(author) !== clock) return false;
  return true;
}

function snapshotFields(header: EnvelopeHeader): SnapshotFields {
  if (!header.snapshot) refuse('malformed', 'a snapshot without snapshot fields');
  if (header.clock !== 0) refuse('snapshotConflict', 'a snapshot has clock 0');
  if (bytesEqual(header.snapshotId, ZERO_ID)) refuse('snapshotConflict', 'a zero snapshot id');
  return header.snapshot;
}

function checkFirstSnapshot(header: EnvelopeHeader): SnapshotFields {
  if (header.kind !== 'snapshot') {
    refuse('staleSnapshot', 'the document does not exist yet: it starts with a snapshot');
  }
  const s = snapshotFields(header);
  if (
    s.generation !== 1 ||
    !bytesEqual(s.parentId, ZERO_ID) ||
    !bytesEqual(s.parentProof, ZERO_HASH) ||
    s.parentClocks.length !== 0
  ) {
    refuse('snapshotConflict', 'a first snapshot has generation 1, no parent and no clocks');
  }
  return s;
}

/**
 * What every client checks too (docs/protocol-client-checks.md): nothing names an older log than
 * the snapshot it builds on. The relay must refuse what the clients refuse, or it would store a
 * message that wedges the document for everyone.
 */
function checkLogForward(header: EnvelopeHeader, activeLogLength: number): void {
  if (header.log.length < activeLogLength) {
    refuse(
      'staleSnapshot',
      `the envelope names ${header.log.length} log entries; the active snapshot names ${activeLogLength}`,
    );
  }
}

function checkNextSnapshot(
  header: EnvelopeHeader,
  doc: StoredDoc,
  activeLogLength: number,
): SnapshotFields {
  const s = snapshotFields(header);
  checkLogForward(header, activeLogLength);
  if (
    !bytesEqual(s.parentId, doc.activeSnapshotId) ||
    !bytesEqual(s.parentProof, doc.activeProof)
  ) {
    refuse('snapshotConflict', 'the parent is not the active snapshot');
  }
  if (s.generation !== doc.activeGeneration + 1) {
    refuse('snapshotConflict', 'the generation does not follow the active snapshot');
  }
  if (!sameClocks(s.parentClocks, doc.clocks)) {
    refuse('snapshotConflict', 'the parent clocks differ from the updates on the active snapshot');
  }
  return s;
}

function checkUpdate(header: EnvelopeHeader, doc: StoredDoc, activeLogLength: number): void {
  if (!bytesEqual(header.snapshotId, doc.activeSnapshotId)) {
    refuse('staleSnapshot', 'the update is not on the active snapshot');
  }
  const basis = header.basis;
  if (
    !basis ||
    basis.generation !== doc.activeGeneration ||
    !bytesEqual(basis.proof, doc.activeProof)
  ) {
    refuse('snapshotConflict', 'the update names another proof of the active snapshot');
  }
  checkLogForward(header, activeLogLength);
  const last = doc.clocks.get(toHex(header.author)) ?? 0;
  if (header.clock !== last + 1) refuse('clockMismatch', `expected clock ${last + 1}`);
}

/** The commit that accepts this envelope into the document, or a Refusal. */
export function planPublish(
  { envelope, ciphertextHash }: CheckedEnvelope,
  bytes: Uint8Array,
  doc: StoredDoc | null,
  /** The log length the active snapshot names (0 before the first snapshot). */
  activeLogLength = 0,
): CommitEnvelope {
  const header = envelope.header;
  if (doc && !bytesEqual(doc.groupId, header.groupId)) {
    refuse('wrongGroup', 'the document belongs to another group');
  }
  const common = {
    docId: header.docId,
    groupId: header.groupId,
    expectedLastSeq: doc ? doc.lastSeq : null,
    snapshotId: header.snapshotId,
    author: header.author,
    clock: header.clock,
    envelope: bytes,
  };
  if (header.kind === 'update') {
    if (!doc) refuse('staleSnapshot', 'the document does not exist yet: it starts with a snapshot');
    checkUpdate(header, doc, activeLogLength);
    return { ...common, kind: 'update', snapshot: null };
  }
  const s = doc ? checkNextSnapshot(header, doc, activeLogLength) : checkFirstSnapshot(header);
  const proof = sha256(snapshotProofInput(s.parentProof, header.snapshotId, ciphertextHash));
  const link = encodeSnapshotLink({
    headerBytes: envelope.headerBytes,
    nonce: envelope.nonce,
    ciphertextHash,
    signature: envelope.signature,
  });
  return { ...common, kind: 'snapshot', snapshot: { proof, generation: s.generation, link } };
}
