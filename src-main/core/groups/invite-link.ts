// The invite link: relay address, the relay's identity key (v2), group id and the one-time invite
// seed, all in the URL fragment so that nothing which might log a URL's path ever sees the secret.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ID_BYTES, KEY_BYTES } from '../../../src-shared/protocol/wire-constants';
import { SuviazError } from '../errors';

export const INVITE_LINK_PREFIX = 'suviaz://join#';
/** v1: relay, group, seed. v2 adds the relay's identity key, so the joiner pins what the inviter saw. */
const LINK_VERSION_PLAIN = 1;
const LINK_VERSION_WITH_KEY = 2;
export const INVITE_SEED_BYTES = 32;
const MAX_RELAY_URL_CHARS = 500;

export interface InviteLinkData {
  relayUrl: string;
  groupId: Uint8Array;
  /** Seed of the invite's Ed25519 key: whoever holds it can join, once, before it expires. */
  seed: Uint8Array;
  /**
   * The relay's identity key as the inviting app pinned it; null in a v1 link (or when the inviter
   * had none), and then the joiner trusts the relay on first use.
   */
  relayKey: Uint8Array | null;
}

export function encodeInviteLink(
  data: Omit<InviteLinkData, 'relayKey'> & { relayKey?: Uint8Array | null },
): string {
  const bytes = encoding.encode((e) => {
    encoding.writeUint8(e, data.relayKey ? LINK_VERSION_WITH_KEY : LINK_VERSION_PLAIN);
    encoding.writeVarString(e, data.relayUrl);
    encoding.writeUint8Array(e, data.groupId);
    encoding.writeUint8Array(e, data.seed);
    if (data.relayKey) encoding.writeUint8Array(e, data.relayKey);
  });
  return INVITE_LINK_PREFIX + Buffer.from(bytes).toString('base64url');
}

const invalid = (why: string): never => {
  throw new SuviazError('invite-invalid', `This is not a Suviaz invite link (${why}).`);
};

/** Accepts the link as pasted: surrounding whitespace and line breaks from chat apps are dropped. */
export function parseInviteLink(input: string): InviteLinkData {
  const text = input.replace(/\s+/g, '');
  if (!text.startsWith(INVITE_LINK_PREFIX)) return invalid('it must start with suviaz://join#');
  const payload = text.slice(INVITE_LINK_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return invalid('it contains characters it cannot have');
  const bytes = new Uint8Array(Buffer.from(payload, 'base64url'));
  try {
    const d = decoding.createDecoder(bytes);
    const version = decoding.readUint8(d);
    if (version !== LINK_VERSION_PLAIN && version !== LINK_VERSION_WITH_KEY) {
      return invalid('made by another version of Suviaz');
    }
    const relayUrl = decoding.readVarString(d);
    const groupId = decoding.readUint8Array(d, ID_BYTES);
    const seed = decoding.readUint8Array(d, INVITE_SEED_BYTES);
    const relayKey =
      version === LINK_VERSION_WITH_KEY
        ? new Uint8Array(decoding.readUint8Array(d, KEY_BYTES))
        : null;
    if (decoding.hasContent(d)) return invalid('it is longer than an invite');
    if (relayUrl.length > MAX_RELAY_URL_CHARS || !/^wss?:\/\/[^\s]+$/.test(relayUrl)) {
      return invalid('the relay address in it is not valid');
    }
    return { relayUrl, groupId: new Uint8Array(groupId), seed: new Uint8Array(seed), relayKey };
  } catch (error) {
    if (error instanceof SuviazError) throw error;
    return invalid('it is cut short');
  }
}
