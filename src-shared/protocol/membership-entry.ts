// One entry of a group's signed, hash-chained membership log (docs/protocol.md §4). v1 knows
// 'create' and 'add-member'; the groups issue adds invites, joins, roles, removals and epochs as new
// op types, which is why ops are a tagged union read by type code.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import {
  Domain,
  HASH_BYTES,
  ID_BYTES,
  KEY_BYTES,
  MembershipOpType,
  PROTOCOL_VERSION,
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
    }
  | { type: 'add-member'; member: Uint8Array; memberBoxKey: Uint8Array; role: RoleName };

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

function fixed(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) throw new ProtocolError(`${what} must be ${length} bytes`);
  return bytes;
}

export function encodeEntryBody(body: MembershipEntryBody): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, PROTOCOL_VERSION);
    encoding.writeUint8Array(e, fixed(body.groupId, ID_BYTES, 'group id'));
    encoding.writeVarUint(e, body.index);
    encoding.writeUint8Array(e, fixed(body.prevHash, HASH_BYTES, 'previous hash'));
    encoding.writeUint8Array(e, fixed(body.author, KEY_BYTES, 'author'));
    encoding.writeVarUint(e, body.timestamp);
    const op = body.op;
    if (op.type === 'create') {
      encoding.writeUint8(e, MembershipOpType.create);
      encoding.writeUint8Array(e, fixed(op.creatorBoxKey, KEY_BYTES, 'box key'));
      encoding.writeUint8Array(e, fixed(op.epochKeyCommitment, HASH_BYTES, 'commitment'));
      encoding.writeVarUint8Array(e, op.metadata);
    } else {
      encoding.writeUint8(e, MembershipOpType.addMember);
      encoding.writeUint8Array(e, fixed(op.member, KEY_BYTES, 'member'));
      encoding.writeUint8Array(e, fixed(op.memberBoxKey, KEY_BYTES, 'member box key'));
      encoding.writeUint8(e, Role[op.role]);
    }
  });
}

function readBody(r: WireReader): MembershipEntryBody {
  const version = r.u8();
  if (version !== PROTOCOL_VERSION) throw new ProtocolError(`unsupported version ${version}`);
  const groupId = r.fixed(ID_BYTES);
  const index = r.varUint();
  const prevHash = r.fixed(HASH_BYTES);
  const author = r.fixed(KEY_BYTES);
  const timestamp = r.varUint();
  const opType = r.u8();
  let op: MembershipOp;
  if (opType === MembershipOpType.create) {
    op = {
      type: 'create',
      creatorBoxKey: r.fixed(KEY_BYTES),
      epochKeyCommitment: r.fixed(HASH_BYTES),
      metadata: r.bytes(LIMITS.relay.maxEntryBytes),
    };
  } else if (opType === MembershipOpType.addMember) {
    const member = r.fixed(KEY_BYTES);
    const memberBoxKey = r.fixed(KEY_BYTES);
    const role = ROLE_BY_CODE.get(r.u8());
    if (!role) throw new ProtocolError('unknown role');
    op = { type: 'add-member', member, memberBoxKey, role };
  } else {
    throw new ProtocolError(`unknown membership operation ${opType}`);
  }
  return { groupId, index, prevHash, author, timestamp, op };
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
