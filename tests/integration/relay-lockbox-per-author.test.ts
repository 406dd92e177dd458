// A conflicting lockbox from one admin cannot cut a member out of an epoch (docs/protocol.md §5):
// the relay keeps one lockbox per (group, epoch, recipient, author), and the member tries every
// candidate, taking the first signed by an admin of its verified log that opens and matches the
// log's commitment. Before v3 the relay kept the first lockbox only, so a malicious second admin
// who got a bogus one in first starved the member of the key for good. Also: a relay data directory
// of protocol v2 is refused at startup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  openSealedBox,
  randomBytes,
  sealToBoxKey,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import {
  extendLog,
  GroupVerificationError,
  openMyEpochKey,
} from '../../src-main/core/groups/group-checks';
import {
  buildAddMember,
  buildCreateGroup,
  buildEntry,
  makeLockbox,
} from '../../src-main/core/groups/group-ops';
import { encodeLockbox, lockboxSigningBytes } from '../../src-shared/protocol/lockbox';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { startRelay } from '../../server/relay';
import { openSqliteStore, RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { InProcessRelay } from '../support/in-process-relay';
import type { RelayTestClient, TestDevice } from '../support/relay-test-client';
import { device, keysOf, signer, type Device } from '../support/test-devices';

const opener = (d: Device) => (sealed: Uint8Array) =>
  openSealedBox(d.box.publicKey, d.box.secretKey, sealed);

/** A libsodium device as the raw test client speaks for it. */
const asTestDevice = (d: Device): TestDevice => ({
  key: d.signing.publicKey,
  boxKey: d.box.publicKey,
  privateKey: generateKeyPairSync('ed25519').privateKey, // unused: signing goes through `sign`
  sign: signer(d),
});

let honest: Device, malicious: Device, member: Device;
beforeAll(async () => {
  await sodiumReady();
  [honest, malicious, member] = [device(), device(), device()];
});

/** A group by `honest` with `malicious` as a second admin and `member` added by `honest`. */
function twoAdminGroup() {
  const created = buildCreateGroup({
    me: keysOf(honest),
    name: 'Exile Network',
    sign: signer(honest),
    now: 1,
  });
  let log = extendLog(null, [created.entry], 0);
  const secondAdmin = buildEntry({
    state: log.state,
    author: honest.signing.publicKey,
    op: {
      type: 'add-member',
      member: malicious.signing.publicKey,
      memberBoxKey: malicious.box.publicKey,
      role: 'admin',
    },
    sign: signer(honest),
    now: 2,
  });
  log = extendLog(log, [secondAdmin.entry], 1);
  const added = buildAddMember({
    state: log.state,
    me: honest.signing.publicKey,
    member: keysOf(member),
    role: 'editor',
    epochKeys: new Map([[0, created.epochKey]]),
    sign: signer(honest),
    now: 3,
  });
  const final = extendLog(log, [added.entry], 2);
  return {
    created,
    entries: [created.entry, secondAdmin.entry, added.entry],
    log: final,
    honestLockbox: added.lockboxes[0] ?? new Uint8Array(),
  };
}

/** The malicious admin's lockboxes for the member: a wrong key, and garbage in the seal. */
function bogusLockboxes(groupId: Uint8Array) {
  const wrongKey = makeLockbox({
    groupId,
    epoch: 0,
    epochKey: randomBytes(32),
    recipient: keysOf(member),
    author: malicious.signing.publicKey,
    sign: signer(malicious),
  });
  const body = {
    groupId,
    epoch: 0,
    recipient: member.signing.publicKey,
    sealed: sealToBoxKey(member.box.publicKey, randomBytes(7)),
    author: malicious.signing.publicKey,
  };
  const garbage = encodeLockbox({
    ...body,
    signature: signer(malicious)(lockboxSigningBytes(body)),
  });
  return { wrongKey, garbage };
}

describe('openMyEpochKey with several candidate lockboxes', () => {
  it('takes the honest admin’s lockbox after a malicious admin’s bogus ones', () => {
    const { created, log, honestLockbox } = twoAdminGroup();
    const { wrongKey, garbage } = bogusLockboxes(created.groupId);
    const open = (lockboxes: Uint8Array[]) =>
      openMyEpochKey({
        state: log.state,
        me: member.signing.publicKey,
        epoch: 0,
        lockboxes,
        openSealed: opener(member),
      });
    expect(open([wrongKey, honestLockbox])).toEqual(created.epochKey);
    expect(open([garbage, wrongKey, honestLockbox])).toEqual(created.epochKey);
    expect(open([honestLockbox, garbage])).toEqual(created.epochKey);
    // Only bogus ones: the first problem is what the caller warns about.
    const refused = (() => {
      try {
        open([wrongKey, garbage]);
        return null;
      } catch (error) {
        return error instanceof GroupVerificationError ? error.reason : 'other';
      }
    })();
    expect(refused).toBe('lockbox-key-mismatch');
  });
});

describe('the relay keeps each admin’s lockbox', () => {
  const relay = InProcessRelay.perTest();

  async function fetchAs(client: RelayTestClient, groupId: Uint8Array) {
    const answer = await client.request({ type: 'groupFetch', groupId, fromIndex: 0 });
    if (answer.type !== 'groupEntries') throw new Error(`GROUP_FETCH: ${JSON.stringify(answer)}`);
    return answer;
  }

  it('a malicious admin’s lockbox put first does not keep the member from the epoch key', async () => {
    await relay.start();
    const { created, entries, honestLockbox } = twoAdminGroup();
    const honestClient = await relay.connect(asTestDevice(honest));
    const maliciousClient = await relay.connect(asTestDevice(malicious));
    const memberClient = await relay.connect(asTestDevice(member));
    for (const entry of entries) {
      expect(await honestClient.request({ type: 'groupAppend', entry })).toMatchObject({
        type: 'ok',
      });
    }
    const { wrongKey, garbage } = bogusLockboxes(created.groupId);
    // The malicious admin gets there first.
    expect(await maliciousClient.request({ type: 'lockboxPut', lockbox: wrongKey })).toMatchObject({
      type: 'ok',
    });
    // Its second, different lockbox for the same slot is its own conflict.
    expect(await maliciousClient.request({ type: 'lockboxPut', lockbox: garbage })).toMatchObject({
      type: 'error',
      code: RelayError.logConflict,
    });
    // The honest admin's lockbox is stored beside it, and a retry of it is OK.
    for (let i = 0; i < 2; i++) {
      expect(
        await honestClient.request({ type: 'lockboxPut', lockbox: honestLockbox }),
      ).toMatchObject({ type: 'ok' });
    }

    const answer = await fetchAs(memberClient, created.groupId);
    expect(answer.lockboxes).toHaveLength(2);
    const log = extendLog(null, answer.entries, 0);
    const key = openMyEpochKey({
      state: log.state,
      me: member.signing.publicKey,
      epoch: 0,
      lockboxes: answer.lockboxes,
      openSealed: opener(member),
    });
    expect(key).toEqual(created.epochKey);
  });
});

describe('the relay store records the protocol of its data', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'suviaz-store-'));
    dirs.push(dir);
    return dir;
  };

  /** A data directory as a protocol v2 relay left it: schema 2 (no relay_meta, old lockboxes). */
  async function v2DataDir(withData: boolean): Promise<string> {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const db = new Database(join(dir, RELAY_DB_FILE));
    db.exec(`
      DROP TABLE mail;
      DROP TABLE chunks;
      DROP TABLE shares;
      DROP TABLE relay_meta;
      DROP TABLE lockboxes;
      CREATE TABLE lockboxes (group_id BLOB NOT NULL REFERENCES groups (group_id),
        recipient BLOB NOT NULL, epoch INTEGER NOT NULL, lockbox BLOB NOT NULL,
        PRIMARY KEY (group_id, recipient, epoch)) STRICT, WITHOUT ROWID;
    `);
    if (withData) {
      db.prepare('INSERT INTO groups (group_id, length) VALUES (?, 1)').run(randomBytes(16));
    }
    db.pragma('user_version = 2');
    db.close();
    return dir;
  }

  it('refuses a protocol v2 data directory at startup, with a message that says what to do', async () => {
    const dir = await v2DataDir(true);
    expect(() => openSqliteStore(dir)).toThrow(
      /holds protocol v2 data; start with an empty --data-dir/,
    );
    await expect(startRelay({ port: 0, dataDir: dir, log: () => undefined })).rejects.toThrow(
      /protocol v2 data/,
    );
  });

  it('takes an empty schema-2 directory and a fresh one, and reopens what it wrote', async () => {
    for (const dir of [await v2DataDir(false), tempDir()]) {
      const store = openSqliteStore(dir);
      await store.close();
      const db = new Database(join(dir, RELAY_DB_FILE), { readonly: true });
      const marker = db.prepare("SELECT value FROM relay_meta WHERE key = 'protocol'").get();
      db.close();
      expect(marker).toMatchObject({ value: expect.any(Number) });
      await openSqliteStore(dir).close();
    }
  });

  it('refuses a directory marked with another protocol version', async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const db = new Database(join(dir, RELAY_DB_FILE));
    db.prepare("UPDATE relay_meta SET value = 99 WHERE key = 'protocol'").run();
    db.close();
    expect(() => openSqliteStore(dir)).toThrow(/holds protocol v99 data/);
  });
});
