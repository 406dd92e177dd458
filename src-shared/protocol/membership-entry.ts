// One entry of a group's signed, hash-chained membership log (docs/protocol.md §4): create, add a
// member, invite, join with an invite, revoke an invite, change a role, remove, leave, rotate the
// epoch key, approve a pending operation, change the group's policy. Ops are a tagged union read by
// type code; a decoder refuses codes it does not know.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import {
  Domain,
  HASH_BYTES,
  ID_BYTES,
  KEY_BYTES,
  MembershipOpType,
  ENTRY_VERSION,
  Role,
  SIGNATURE_BYTES,
  type RoleName,
} from './wire-constants';
import { decodeStrict, ProtocolError, type WireReader } from './wire-reader';

export type MembershipOp =
  | {
      type: 'create';
      /** The creator's X25519 key, so others can seal to it. */
      creatorBoxKey: Uint8Array;
      /** SHA-256 commitment to the epoch-0 key: a relay cannot hand out a key of its own. */
      epochKeyCommitment: Uint8Array;
      /** The group's name and description, encrypted under the group metadata key. */
      metadata: Uint8Array;
      /** PolicyFlag bits. */
      policy: number;
    }
  | { type: 'add-member'; member: Uint8Array; memberBoxKey: Uint8Array; role: RoleName }
  | {
      type: 'invite';
      /** Public half of the one-time invite key; the secret half travels in the invite link only. */
      inviteKey: Uint8Array;
      role: RoleName;
      /** Milliseconds since 1970 after which a join with this invite is refused. */
      expiresAt: number;
    }
  | {
      /** Signed by the invite key (the entry's author); memberSignature proves the device key. */
      type: 'join';
      member: Uint8Array;
      memberBoxKey: Uint8Array;
      memberSignature: Uint8Array;
    }
  | { type: 'revoke-invite'; inviteKey: Uint8Array }
  | { type: 'set-role'; member: Uint8Array; role: RoleName }
  | { type: 'remove'; member: Uint8Array; epochKeyCommitment: Uint8Array }
  | { type: 'leave' }
  | { type: 'rotate'; epochKeyCommitment: Uint8Array }
  | { type: 'approve'; index: number }
  | { type: 'set-policy'; policy: number };

export type MembershipOpName = MembershipOp['type'];

export interface MembershipEntryBody {
  groupId: Uint8Array;
  index: number;
  prevHash: Uint8Array;
  author: Uint8Array;
  timestamp: number;
  op: MembershipOp;
}

export interface MembershipEntry extends MembershipEntryBody {
  /** The exact signed bytes as received. */
  bodyBytes: Uint8Array;
  signature: Uint8Array;
  /** The whole entry as received (body and signature): what the next entry's prevHash covers. */
  bytes: Uint8Array;
}

const ROLE_BY_CODE = new Map<number, RoleName>(
  Object.entries(Role).map(([name, code]) => [code, name as RoleName]),
);
const MAX_POLICY = 0xff;

function fixed(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) throw new ProtocolError(`${what} must be ${length} bytes`);
  return bytes;
}

function writeOp(e: encoding.Encoder, op: MembershipOp): void {
  const key = (bytes: Uint8Array, what: string) =>
    encoding.writeUint8Array(e, fixed(bytes, KEY_BYTES, what));
  const hash = (bytes: Uint8Array, what: string) =>
    encoding.writeUint8Array(e, fixed(bytes, HASH_BYTES, what));
  switch (op.type) {
    case 'create':
      encoding.writeUint8(e, MembershipOpType.create);
      key(op.creatorBoxKey, 'box key');
      hash(op.epochKeyCommitment, 'commitment');
      encoding.writeVarUint8Array(e, op.metadata);
      encoding.writeUint8(e, op.policy);
      return;
    case 'add-member':
      encoding.writeUint8(e, MembershipOpType.addMember);
      key(op.member, 'member');
      key(op.memberBoxKey, 'member box key');
      encoding.writeUint8(e, Role[op.role]);
      return;
    case 'invite':
      encoding.writeUint8(e, MembershipOpType.invite);
      key(op.inviteKey, 'invite key');
      encoding.writeUint8(e, Role[op.role]);
      encoding.writeVarUint(e, op.expiresAt);
      return;
    case 'join':
      encoding.writeUint8(e, MembershipOpType.join);
      key(op.member, 'member');
      key(op.memberBoxKey, 'member box key');
      encoding.writeUint8Array(e, fixed(op.memberSignature, SIGNATURE_BYTES, 'member signature'));
      return;
    case 'revoke-invite':
      encoding.writeUint8(e, MembershipOpType.revokeInvite);
      key(op.inviteKey, 'invite key');
      return;
    case 'set-role':
      encoding.writeUint8(e, MembershipOpType.setRole);
      key(op.member, 'member');
      encoding.writeUint8(e, Role[op.role]);
      return;
    case 'remove':
      encoding.writeUint8(e, MembershipOpType.remove);
      key(op.member, 'member');
      hash(op.epochKeyCommitment, 'commitment');
      return;
    case 'leave':
      encoding.writeUint8(e, MembershipOpType.leave);
      return;
    case 'rotate':
      encoding.writeUint8(e, MembershipOpType.rotate);
      hash(op.epochKeyCommitment, 'commitment');
      return;
    case 'approve':
      encoding.writeUint8(e, MembershipOpType.approve);
      encoding.writeVarUint(e, op.index);
      return;
    case 'set-policy':
      encoding.writeUint8(e, MembershipOpType.setPolicy);
      encoding.writeUint8(e, op.policy);
      return;
  }
}

function readRole(r: WireReader): RoleName {
  const role = ROLE_BY_CODE.get(r.u8());
  if (!role) throw new ProtocolError('unknown role');
  return role;
}

function readPolicy(r: WireReader): number {
  const policy = r.u8();
  if (policy > MAX_POLICY) throw new ProtocolError('unknown policy');
  return policy;
}

function readOp(r: WireReader): MembershipOp {
  const opType = r.u8();
  switch (opType) {
    case MembershipOpType.create:
      return {
        type: 'create',
        creatorBoxKey: r.fixed(KEY_BYTES),
        epochKeyCommitment: r.fixed(HASH_BYTES),
        metadata: r.bytes(LIMITS.relay.maxEntryBytes),
        policy: readPolicy(r),
      };
    case MembershipOpType.addMember:
      return {
        type: 'add-member',
        member: r.fixed(KEY_BYTES),
        memberBoxKey: r.fixed(KEY_BYTES),
        role: readRole(r),
      };
    case MembershipOpType.invite:
      return {
        type: 'invite',
        inviteKey: r.fixed(KEY_BYTES),
        role: readRole(r),
        expiresAt: r.varUint(),
      };
    case MembershipOpType.join:
      return {
        type: 'join',
        member: r.fixed(KEY_BYTES),
        memberBoxKey: r.fixed(KEY_BYTES),
        memberSignature: r.fixed(SIGNATURE_BYTES),
      };
    case MembershipOpType.revokeInvite:
      return { type: 'revoke-invite', inviteKey: r.fixed(KEY_BYTES) };
    case MembershipOpType.setRole:
      return { type: 'set-role', member: r.fixed(KEY_BYTES), role: readRole(r) };
    case MembershipOpType.remove:
      return {
        type: 'remove',
        member: r.fixed(KEY_BYTES),
        epochKeyCommitment: r.fixed(HASH_BYTES),
      };
    case MembershipOpType.leave:
      return { type: 'leave' };
    case MembershipOpType.rotate:
      return { type: 'rotate', epochKeyCommitment: r.fixed(HASH_BYTES) };
    case MembershipOpType.approve:
      return { type: 'approve', index: r.varUint() };
    case MembershipOpType.setPolicy:
      return { type: 'set-policy', policy: readPolicy(r) };
    default:
      throw new ProtocolError(`unknown membership operation ${opType}`);
  }
}

export function encodeEntryBody(body: MembershipEntryBody): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, ENTRY_VERSION);
    encoding.writeUint8Array(e, fixed(body.groupId, ID_BYTES, 'group id'));
    encoding.writeVarUint(e, body.index);
    encoding.writeUint8Array(e, fixed(body.prevHash, HASH_BYTES, 'previous hash'));
    encoding.writeUint8Array(e, fixed(body.author, KEY_BYTES, 'author'));
    encoding.writeVarUint(e, body.timestamp);
    writeOp(e, body.op);
  });
}

function readBody(r: WireReader): MembershipEntryBody {
  const version = r.u8();
  if (version !== ENTRY_VERSION) {
    throw new ProtocolError(
      `membership entry version ${version}; this Suviaz reads ${ENTRY_VERSION}`,
    );
  }
  return {
    groupId: r.fixed(ID_BYTES),
    index: r.varUint(),
    prevHash: r.fixed(HASH_BYTES),
    author: r.fixed(KEY_BYTES),
    timestamp: r.varUint(),
    op: readOp(r),
  };
}

export function encodeEntry(bodyBytes: Uint8Array, signature: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint8Array(e, bodyBytes);
    encoding.writeUint8Array(e, fixed(signature, SIGNATURE_BYTES, 'signature'));
  });
}

export function decodeEntry(bytes: Uint8Array): MembershipEntry {
  const { bodyBytes, signature } = decodeStrict(bytes, (r) => ({
    bodyBytes: r.bytes(LIMITS.relay.maxEntryBytes),
    signature: r.fixed(SIGNATURE_BYTES),
  }));
  const body = decodeStrict(bodyBytes, readBody);
  const canonical = encodeEntryBody(body);
  if (canonical.length !== bodyBytes.length || canonical.some((b, i) => b !== bodyBytes[i])) {
    throw new ProtocolError('membership entry is not in canonical form');
  }
  return { ...body, bodyBytes, signature, bytes: bytes.slice() };
}

export function entrySigningBytes(bodyBytes: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.membership);
    encoding.writeVarUint8Array(e, bodyBytes);
  });
}

/** Input to SHA-256 for an entry's hash, which the next entry names as prevHash. */
export function entryHashInput(entryBytes: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.entryHash);
    encoding.writeVarUint8Array(e, entryBytes);
  });
}

/** What a joining device signs with its own key: it holds the key it joins with, for this group. */
export function joinSigningBytes(
  groupId: Uint8Array,
  inviteKey: Uint8Array,
  member: Uint8Array,
  memberBoxKey: Uint8Array,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.join);
    encoding.writeUint8Array(e, groupId);
    encoding.writeUint8Array(e, inviteKey);
    encoding.writeUint8Array(e, member);
    encoding.writeUint8Array(e, memberBoxKey);
  });
}
