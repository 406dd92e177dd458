// Members' signed profiles in a space's document (src-shared/protocol/member-profile.ts): reading
// the valid ones, and the Yjs update that stores one. Pure over Yjs and the crypto facade; only a
// profile its own device signed for this group and document counts.
import * as Y from 'yjs';
import { fromHex } from '../../../src-shared/protocol/bytes';
import {
  decodeProfile,
  encodeProfile,
  PROFILE_NAME_MAX,
  PROFILES_MAP,
  profileSigningBytes,
  type SignedProfile,
} from '../../../src-shared/protocol/member-profile';
import { verify } from '../crypto/sodium';
import type { Sign } from './envelope-crypto';
import { changeAsUpdate } from './scratch-update';

export interface DocIds {
  groupId: Uint8Array;
  docId: Uint8Array;
}

/** The profile if it is well formed and signed by `deviceHex` for this document, else null. */
export function checkedProfile(
  ids: DocIds,
  deviceHex: string,
  bytes: Uint8Array,
): SignedProfile | null {
  if (!/^[0-9a-f]{64}$/.test(deviceHex)) return null;
  try {
    const profile = decodeProfile(bytes);
    const device = fromHex(deviceHex);
    const signed = profileSigningBytes(ids.groupId, ids.docId, device, profile);
    return verify(device, signed, profile.signature) ? profile : null;
  } catch {
    return null;
  }
}

/** Every valid profile in the document, by hex device key; anything else in the map is ignored. */
export function readProfiles(ydoc: Y.Doc, ids: DocIds): Map<string, SignedProfile> {
  const profiles = new Map<string, SignedProfile>();
  ydoc.getMap<unknown>(PROFILES_MAP).forEach((value, deviceHex) => {
    if (!(value instanceof Uint8Array)) return;
    const profile = checkedProfile(ids, deviceHex, value);
    if (profile) profiles.set(deviceHex, profile);
  });
  return profiles;
}

export function signProfile(
  ids: DocIds,
  me: Uint8Array,
  name: string,
  at: number,
  sign: Sign,
): Uint8Array {
  const profile = { at, name: [...name.trim()].slice(0, PROFILE_NAME_MAX).join('') };
  const signature = sign(profileSigningBytes(ids.groupId, ids.docId, me, profile));
  return encodeProfile({ ...profile, signature });
}

/**
 * The Yjs update that stores `encoded` as `deviceHex`'s profile on top of the document as it is:
 * made on a scratch copy, so it goes through the same outbox path as every local edit.
 */
export function profileUpdate(ydoc: Y.Doc, deviceHex: string, encoded: Uint8Array): Uint8Array {
  return changeAsUpdate(ydoc, (copy) => copy.getMap<unknown>(PROFILES_MAP).set(deviceHex, encoded));
}
