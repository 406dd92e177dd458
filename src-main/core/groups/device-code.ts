// A device code is what one person copies from another device's settings to add it to a group:
// 'suviaz1:' + base64url(signing key ‖ box key ‖ 4-byte checksum). The checksum catches a mangled
// copy-paste before it becomes a member entry nobody can use; it is not a security check (the
// fingerprint, compared out of band, is).
import { genericHash } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { KEY_BYTES } from '../../../src-shared/protocol/wire-constants';

export const DEVICE_CODE_PREFIX = 'suviaz1:';
const CHECKSUM_BYTES = 4;
const CHECKSUM_DOMAIN = new TextEncoder().encode('suviaz/v1/device-code-checksum');
const PAYLOAD_BYTES = KEY_BYTES * 2 + CHECKSUM_BYTES;

export interface DeviceKeys {
  signingKey: Uint8Array;
  boxKey: Uint8Array;
}

export type DeviceCodeProblem =
  'not-a-device-code' | 'newer-version' | 'bad-characters' | 'incomplete' | 'typo';

/** invalid-args: the code is an argument the user typed; `problem` says which way it is wrong. */
export class DeviceCodeError extends SuviazError {
  constructor(
    readonly problem: DeviceCodeProblem,
    message: string,
  ) {
    super('invalid-args', message);
    this.name = 'DeviceCodeError';
  }
}

function checksum(signingKey: Uint8Array, boxKey: Uint8Array): Uint8Array {
  return genericHash(32, CHECKSUM_DOMAIN, signingKey, boxKey).subarray(0, CHECKSUM_BYTES);
}

export function encodeDeviceCode(keys: DeviceKeys): string {
  const payload = new Uint8Array(PAYLOAD_BYTES);
  payload.set(keys.signingKey, 0);
  payload.set(keys.boxKey, KEY_BYTES);
  payload.set(checksum(keys.signingKey, keys.boxKey), KEY_BYTES * 2);
  return DEVICE_CODE_PREFIX + Buffer.from(payload).toString('base64url');
}

export function parseDeviceCode(input: string): DeviceKeys {
  // People paste codes with line breaks or spaces from chat apps; those are never part of a code.
  const code = input.replace(/\s+/g, '');
  const versioned = /^suviaz(\d+):/i.exec(code);
  if (!versioned) {
    throw new DeviceCodeError(
      'not-a-device-code',
      'This is not a Suviaz device code: a device code starts with "suviaz1:".',
    );
  }
  if (versioned[1] !== '1') {
    throw new DeviceCodeError(
      'newer-version',
      `This device code was made by a newer Suviaz (format ${versioned[1]}). Update Suviaz.`,
    );
  }
  const body = code.slice(versioned[0].length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) {
    throw new DeviceCodeError(
      'bad-characters',
      'This device code contains characters that cannot be in one. Copy it again.',
    );
  }
  const payload = new Uint8Array(Buffer.from(body, 'base64url'));
  if (payload.length !== PAYLOAD_BYTES || Buffer.from(payload).toString('base64url') !== body) {
    throw new DeviceCodeError(
      'incomplete',
      'This device code is incomplete or too long. Copy the whole code again.',
    );
  }
  const signingKey = payload.slice(0, KEY_BYTES);
  const boxKey = payload.slice(KEY_BYTES, KEY_BYTES * 2);
  const expected = checksum(signingKey, boxKey);
  if (!expected.every((byte, i) => byte === payload[KEY_BYTES * 2 + i])) {
    throw new DeviceCodeError(
      'typo',
      'This device code has a typo (its checksum does not match). Copy it again.',
    );
  }
  return { signingKey, boxKey };
}
