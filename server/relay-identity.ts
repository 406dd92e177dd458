// The relay's own Ed25519 identity, which clients pin (docs/network.md "Pinned relay identity"): a
// 32-byte seed in the data directory (mode 0600), made at first start, and the operator's rotation
// statements, each signed by the key it retires, served in every CHALLENGE. node:crypto only.
import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  rotationSigningBytes,
  type RotationStatement,
} from '../src-shared/protocol/relay-identity';
import { KEY_BYTES, MAX_RELAY_ROTATIONS } from '../src-shared/protocol/wire-constants';
import { verifyEd25519 } from './crypto';

export const IDENTITY_FILE = 'relay-identity.key';
export const ROTATIONS_FILE = 'relay-identity-rotations.json';
/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SEED_BYTES = 32;

export interface RelayIdentityKey {
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
  /** The chain of rotations that ends at publicKey, oldest first, at most MAX_RELAY_ROTATIONS. */
  rotations: readonly RotationStatement[];
}

function keyFromSeed(seed: Uint8Array): { privateKey: KeyObject; publicKey: Uint8Array } {
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: new Uint8Array(spki.subarray(spki.length - KEY_BYTES)) };
}

/** Written beside the target and renamed over it: a crash leaves the old file or the new, whole. */
function writeAtomically(file: string, data: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, file);
}

function readSeed(file: string): Uint8Array | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (bytes.length !== SEED_BYTES) {
    throw new Error(`${file} is not a relay identity (${bytes.length} bytes, not ${SEED_BYTES})`);
  }
  return new Uint8Array(bytes);
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: unknown): Uint8Array =>
  typeof text === 'string' && /^[0-9a-f]*$/.test(text)
    ? new Uint8Array(Buffer.from(text, 'hex'))
    : new Uint8Array();

function readStatements(dataDir: string): RotationStatement[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dataDir, ROTATIONS_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${ROTATIONS_FILE} in ${dataDir} is not readable: ${String(error)}`, {
      cause: error,
    });
  }
  if (!Array.isArray(raw)) return [];
  return raw.map((item: unknown) => {
    const s = (item ?? {}) as Record<string, unknown>;
    return {
      oldKey: unhex(s.oldKey),
      newKey: unhex(s.newKey),
      signedAt: typeof s.signedAt === 'number' ? s.signedAt : 0,
      signature: unhex(s.signature),
    };
  });
}

function writeStatements(dataDir: string, statements: readonly RotationStatement[]): void {
  const json = statements.map((s) => ({
    oldKey: hex(s.oldKey),
    newKey: hex(s.newKey),
    signedAt: s.signedAt,
    signature: hex(s.signature),
  }));
  writeAtomically(path.join(dataDir, ROTATIONS_FILE), `${JSON.stringify(json, null, 2)}\n`);
}

/**
 * The valid statements that lead, one after another, to `current`, oldest first: what clients
 * pinned to an earlier key can follow. A statement left over by an interrupted rotation is not on
 * the chain and is not served.
 */
function chainTo(
  current: Uint8Array,
  statements: readonly RotationStatement[],
): RotationStatement[] {
  const chain: RotationStatement[] = [];
  let key = current;
  while (chain.length < MAX_RELAY_ROTATIONS) {
    const step = statements.find(
      (s) =>
        hex(s.newKey) === hex(key) &&
        !chain.includes(s) &&
        verifyEd25519(s.oldKey, rotationSigningBytes(s.oldKey, s.newKey, s.signedAt), s.signature),
    );
    if (!step) break;
    chain.unshift(step);
    key = step.oldKey;
  }
  return chain;
}

/** The relay's identity in dataDir, made (with a fresh key) the first time. */
export function loadRelayIdentity(dataDir: string): RelayIdentityKey {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, IDENTITY_FILE);
  let seed = readSeed(file);
  if (!seed) {
    seed = new Uint8Array(randomBytes(SEED_BYTES));
    writeAtomically(file, seed);
  }
  // Whoever copied the directory may have widened it; the seed is the relay's whole identity.
  chmodSync(file, 0o600);
  const { privateKey, publicKey } = keyFromSeed(seed);
  seed.fill(0);
  return {
    publicKey,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    rotations: chainTo(publicKey, readStatements(dataDir)),
  };
}

/**
 * --rotate-identity: a new key, and a statement signed by the old one that the new one speaks for
 * the relay from now on. The statement is stored before the new key replaces the old, so no crash
 * leaves a key that clients cannot follow to.
 */
export function rotateRelayIdentity(
  dataDir: string,
  now = Date.now(),
): { oldKey: Uint8Array; newKey: Uint8Array } {
  const old = loadRelayIdentity(dataDir);
  const seed = new Uint8Array(randomBytes(SEED_BYTES));
  const { publicKey: newKey } = keyFromSeed(seed);
  const signedAt = Math.max(0, Math.floor(now));
  const statement: RotationStatement = {
    oldKey: old.publicKey,
    newKey,
    signedAt,
    signature: old.sign(rotationSigningBytes(old.publicKey, newKey, signedAt)),
  };
  writeStatements(dataDir, [...readStatements(dataDir), statement].slice(-4 * MAX_RELAY_ROTATIONS));
  writeAtomically(path.join(dataDir, IDENTITY_FILE), seed);
  seed.fill(0);
  return { oldKey: old.publicKey, newKey };
}
