// One signature rule everywhere (docs/protocol.md §1, §8): the relay's verifyEd25519 accepts exactly
// what libsodium's crypto_sign_verify_detached accepts, the clients' rule, under whatever Node and
// OpenSSL run it. Before protocol v3 the relay used node:crypto alone: under Node 20 (OpenSSL 3.0) it
// accepted the small-order forgery (key and R = 01 00…00, S = 0) for any message, which libsodium
// refuses; the test under the system's Node is the one that shows it.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MembershipOp } from '../../src-shared/protocol/membership-entry';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { verifyEd25519 } from '../../server/crypto';
import { InProcessRelay } from '../support/in-process-relay';
import {
  createGroup,
  inviteFetchSignature,
  newDevice,
  randomBytesU8,
  RelayTestClient,
  type TestDevice,
} from '../support/relay-test-client';
import {
  buildSignatureVectors,
  libsodiumVerdict,
  loadSodium,
  smallOrderForgery,
  vectorBytes,
  type Sodium,
  type SignatureVector,
} from '../support/signature-vectors';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let sodium: Sodium;
let vectors: SignatureVector[];
let expected: boolean[];

beforeAll(async () => {
  sodium = await loadSodium();
  vectors = buildSignatureVectors(sodium);
  expected = vectors.map((v) => libsodiumVerdict(sodium, v));
});

/** Names of the vectors where `verdicts` differs from libsodium's. */
function disagreements(verdicts: readonly boolean[]): string[] {
  return vectors
    .filter((_, i) => verdicts[i] !== expected[i])
    .map((v, i) => `${v.name}: libsodium ${String(expected[i])}`);
}

describe('the relay accepts exactly what libsodium accepts', () => {
  it('agrees with libsodium on every vector', () => {
    const relay = vectors.map((v) => {
      const { publicKey, message, signature } = vectorBytes(v);
      return verifyEd25519(publicKey, message, signature);
    });
    expect(disagreements(relay)).toEqual([]);
  });

  it('the table has both verdicts, and the mixed-order cases both ways', () => {
    const verdict = (name: string) => expected[vectors.findIndex((v) => v.name === name)];
    expect(verdict('valid #0')).toBe(true);
    expect(verdict('small-order forgery #0')).toBe(false);
    expect(verdict('valid #0 with S + L')).toBe(false);
    // libsodium 1.0.18–1.0.22 checks the cofactorless equation: a mixed-order R never verifies, a
    // mixed-order key only when h·T vanishes. If a libsodium update made these all true (master's
    // cofactored check), the clients' rule changed: the relay and docs/protocol.md §1 must follow.
    const mixedR = vectors.flatMap((v, i) =>
      v.name.startsWith('mixed-order R') ? [expected[i]] : [],
    );
    expect(mixedR.length).toBeGreaterThan(0);
    expect(mixedR.some(Boolean)).toBe(false);
    const mixedKey = vectors.flatMap((v, i) =>
      v.name.startsWith('mixed-order key') ? [expected[i]] : [],
    );
    expect(mixedKey.some(Boolean)).toBe(true);
  });

  it('refuses the small-order forgery for any message', () => {
    const { publicKey, signature } = smallOrderForgery();
    for (let i = 0; i < 16; i++) {
      expect(verifyEd25519(publicKey, randomBytesU8(i * 7), signature)).toBe(false);
    }
  });
});

/** Another Node on this machine (its major version differs from the one running the tests). */
function otherNode(): { path: string; version: string } | null {
  const here = process.version.split('.')[0];
  const candidates = ['/usr/bin/node', '/usr/local/bin/node'];
  try {
    const onPath = execFileSync('sh', ['-c', 'which -a node'], { encoding: 'utf8' });
    candidates.push(...onPath.split('\n').filter(Boolean));
  } catch {
    // No node on PATH.
  }
  for (const candidate of candidates) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (version.split('.')[0] !== here) return { path: candidate, version };
    } catch {
      // Not there or not runnable.
    }
  }
  return null;
}

const other = otherNode();

describe('under another Node and OpenSSL', () => {
  it.skipIf(!other)(
    `the relay agrees with libsodium under ${other ? `${other.path} ${other.version}` : 'another Node: none found on this machine besides ' + process.version}`,
    () => {
      if (!other) return;
      const tsx = path.join(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs');
      const run = spawnSync(
        other.path,
        ['--import', tsx, path.join(REPO_ROOT, 'tests/support/relay-signature-verdicts.ts')],
        { cwd: REPO_ROOT, input: JSON.stringify(vectors), encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as {
        node: string;
        openssl: string;
        relay: boolean[];
        opensslOnly: boolean[];
        libsodium: boolean[];
      };
      expect(result.node).toBe(other.version);
      expect(result.libsodium).toEqual(expected);
      expect(disagreements(result.relay)).toEqual([]);
      // Whether that OpenSSL alone would have let the forgery in (OpenSSL 3.0 does), for the log.
      const forgery = vectors.findIndex((v) => v.name === 'small-order forgery #0');
      process.stderr.write(
        `${result.node} (OpenSSL ${result.openssl}): node:crypto alone disagrees with libsodium on ` +
          `${disagreements(result.opensslOnly).length} vectors, the forgery ` +
          `${result.opensslOnly[forgery] ? 'accepted' : 'refused'}; the relay agrees on all\n`,
      );
    },
  );
});

describe('a real relay refuses the forged key', () => {
  const relay = InProcessRelay.perTest();

  /** A "device" whose key is the small-order point and whose every signature is the forgery. */
  const forged = (): TestDevice => {
    const { publicKey, signature } = smallOrderForgery();
    const real = newDevice();
    return { ...real, key: publicKey, sign: () => signature };
  };

  it('refuses AUTH with the forged key and signature', async () => {
    await relay.start();
    const client = relay.closeAfterTest(await RelayTestClient.connect(relay.url));
    const { publicKey, signature } = smallOrderForgery();
    client.send({ type: 'auth', device: publicKey, signature });
    expect(await client.next('error')).toMatchObject({ code: RelayError.authFailed });
    expect((await client.closed).code).toBe(1008);
  });

  it('refuses a join and an INVITE_FETCH signed with the forgery for a small-order invite key', async () => {
    await relay.start();
    const admin = newDevice();
    const adminClient = await relay.connect(admin);
    const log = await createGroup(adminClient, admin);
    const invite = forged();
    const op: MembershipOp = {
      type: 'invite',
      inviteKey: invite.key,
      role: 'editor',
      expiresAt: Date.now() + 3_600_000,
    };
    const inviteEntry = log.entry(admin, op);
    expect(await adminClient.request({ type: 'groupAppend', entry: inviteEntry })).toMatchObject({
      type: 'ok',
    });
    log.accept(inviteEntry);
    const material = randomBytesU8(100);
    expect(
      await adminClient.request({
        type: 'invitePut',
        groupId: log.groupId,
        inviteKey: invite.key,
        material,
      }),
    ).toMatchObject({ type: 'ok' });

    const joiner = newDevice();
    const joinerClient = await relay.connect(joiner);
    expect(
      await joinerClient.request({
        type: 'inviteFetch',
        groupId: log.groupId,
        inviteKey: invite.key,
        fromIndex: 0,
        signature: inviteFetchSignature(invite, log.groupId, joiner),
      }),
    ).toMatchObject({ type: 'error', code: RelayError.badSignature });
    expect(
      await joinerClient.request({ type: 'groupAppend', entry: log.join(invite, joiner) }),
    ).toMatchObject({ type: 'error', code: RelayError.badSignature });
  });
});
