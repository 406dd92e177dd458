// Scenario 7, signature verification: Ed25519 verifications per second by the relay's verifyEd25519
// (libsodium's rules in TypeScript, then node:crypto) against node:crypto alone, with the clients'
// libsodium-wrappers (WebAssembly) for scale. A second or two at any size.
import { createRequire } from 'node:module';
import { verifyEd25519, verifyEd25519OpensslOnly } from '../../server/crypto';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { now } from '../lib/stats';
import { newDevice, randomBytesU8 } from '../../tests/support/relay-test-client';

type Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;
const WINDOW_MS = 400;
const SIGNERS = 8;

/** Verifications per second over a fixed window, cycling through signed 200-byte messages. */
function rate(
  verify: Verify,
  items: readonly { key: Uint8Array; message: Uint8Array; signature: Uint8Array }[],
): number {
  for (const item of items) verify(item.key, item.message, item.signature); // warm-up, key cache
  let count = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < WINDOW_MS) {
    for (const item of items) {
      if (!verify(item.key, item.message, item.signature))
        throw new Error('a valid signature failed');
      count++;
    }
    elapsed = now() - start;
  }
  return (count / elapsed) * 1000;
}

export async function runVerify(_size: Size): Promise<Row[]> {
  const sodium = createRequire(import.meta.url)(
    'libsodium-wrappers-sumo',
  ) as typeof import('libsodium-wrappers-sumo');
  await sodium.ready;
  const items = Array.from({ length: SIGNERS * 16 }, (_, i) => {
    const device = newDevice();
    const message = randomBytesU8(200);
    return { key: device.key, message, signature: device.sign(message), i };
  });
  const relay = rate(verifyEd25519, items);
  const openssl = rate(verifyEd25519OpensslOnly, items);
  const libsodium = rate((k, m, s) => sodium.crypto_sign_verify_detached(s, m, k), items);
  const base = { scenario: 'verify', metric: 'verifications/s', unit: '1/s' } as const;
  return [
    {
      ...base,
      case: "relay's verifyEd25519 vs node:crypto alone",
      suviaz: relay,
      baseline: openssl,
      target: 'ratio ≥ 0.9',
      met: relay / openssl >= 0.9,
    },
    {
      ...base,
      case: 'libsodium-wrappers (clients) vs node:crypto alone',
      suviaz: libsodium,
      baseline: openssl,
      note: 'for scale: what a WebAssembly verifier would cost the relay',
    },
  ];
}
