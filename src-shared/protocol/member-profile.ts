// A member's profile (its display name), signed by its device and kept in the space's encrypted
// document, so every member knows who is who as soon as the profile syncs, and keeps the name of
// someone who left. Pure encoding; the caller signs and verifies (docs/protocol.md §3.6). Also the
// cleaning every name from another member goes through before the app keeps or shows it.
import * as encoding from 'lib0/encoding';
import { plainSpaces, stripInvisible } from '../invisible-chars';
import { Domain, SIGNATURE_BYTES } from './wire-constants';
import { decodeStrict, ProtocolError } from './wire-reader';

export const PROFILE_VERSION = 1;
export const PROFILE_NAME_MAX = 200;
/** The Y.Map of the space's document that holds profiles, by hex device key. */
export const PROFILES_MAP = 'profiles';

/**
 * A name from another member (a profile, a presence), as the app keeps and shows it: without
 * invisible characters, blanks made plain single spaces, trimmed. Such a name is hostile input: "\u202Eecila" shows as "alice" yet
 * is no look-alike of it, and a zero-width character makes two names look the same. Stripped, not
 * refused: a refused profile would leave the member nameless, and honest names carry some of these
 * too (a Persian name's zero-width non-joiner, an emoji's variation selector) and only lose their
 * shaping. Not applied by decodeProfile: the signature covers the name as sent, so it is applied
 * after the profile is verified.
 */
export function cleanMemberName(name: string): string {
  return plainSpaces(stripInvisible(name)).trim();
}

export interface MemberProfile {
  /** Milliseconds since 1970 when the device set this name: a newer profile replaces an older. */
  at: number;
  name: string;
}

export interface SignedProfile extends MemberProfile {
  signature: Uint8Array;
}

/** What the device signs: bound to the group, the document and itself, so it cannot be moved. */
export function profileSigningBytes(
  groupId: Uint8Array,
  docId: Uint8Array,
  device: Uint8Array,
  profile: MemberProfile,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.profile);
    encoding.writeUint8Array(e, groupId);
    encoding.writeUint8Array(e, docId);
    encoding.writeUint8Array(e, device);
    encoding.writeVarUint(e, profile.at);
    encoding.writeVarString(e, profile.name);
  });
}

export function encodeProfile(profile: SignedProfile): Uint8Array {
  if (profile.signature.length !== SIGNATURE_BYTES) throw new ProtocolError('bad signature length');
  return encoding.encode((e) => {
    encoding.writeUint8(e, PROFILE_VERSION);
    encoding.writeVarUint(e, profile.at);
    encoding.writeVarString(e, profile.name);
    encoding.writeUint8Array(e, profile.signature);
  });
}

/** Throws ProtocolError on anything but a well-formed profile of this version. */
export function decodeProfile(bytes: Uint8Array): SignedProfile {
  return decodeStrict(bytes, (r) => {
    const version = r.u8();
    if (version !== PROFILE_VERSION) throw new ProtocolError(`profile version ${version}`);
    const at = r.varUint();
    const name = r.string(PROFILE_NAME_MAX * 4);
    if ([...name].length > PROFILE_NAME_MAX) throw new ProtocolError('profile name too long');
    return { at, name, signature: r.fixed(SIGNATURE_BYTES) };
  });
}
