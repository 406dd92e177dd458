// A device's two key pairs for group and sync tests: signing (Ed25519) and box (X25519), the public
// keys a membership entry names, and a signer that signs as the device.
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  sign,
  type KeyPair,
} from '../../src-main/core/crypto/sodium';

export interface Device {
  signing: KeyPair;
  box: KeyPair;
}

/** A fresh device; call after sodiumReady(). */
export const device = (): Device => ({
  signing: generateSigningKeyPair(),
  box: generateBoxKeyPair(),
});

export const keysOf = (d: Device) => ({ signingKey: d.signing.publicKey, boxKey: d.box.publicKey });

export const signer = (d: Device) => (m: Uint8Array) => sign(d.signing.secretKey, m);
