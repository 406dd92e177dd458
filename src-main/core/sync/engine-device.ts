// This device as the engine uses it: its public keys, and its secret keys lent from the vault for
// one signature or one sealed box at a time (withDeviceSecretKeys wipes them after each call).
import { fromHex, openSealedBox, sign as signWith } from '../crypto/sodium';
import { getDeviceIdentity, withDeviceSecretKeys } from '../identity/device-identity';
import type { Db } from '../vault/migrations';

export interface EngineDevice {
  me: Uint8Array;
  myBoxKey: Uint8Array;
  meHex: string;
  sign(message: Uint8Array): Uint8Array;
  openSealed(sealed: Uint8Array): Uint8Array;
}

export function engineDevice(db: Db): EngineDevice {
  const identity = getDeviceIdentity(db);
  const me = fromHex(identity.signingPublicKey);
  const myBoxKey = fromHex(identity.boxPublicKey);
  return {
    me,
    myBoxKey,
    meHex: identity.signingPublicKey,
    sign: (message) => withDeviceSecretKeys(db, (keys) => signWith(keys.signingSecretKey, message)),
    openSealed: (sealed) =>
      withDeviceSecretKeys(db, (keys) => openSealedBox(myBoxKey, keys.boxSecretKey, sealed)),
  };
}
