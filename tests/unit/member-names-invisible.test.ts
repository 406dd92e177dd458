// Names from other members are hostile input: whether they come in a signed profile or in presence,
// the app keeps and shows them without invisible or bidi control characters, so "\u202Eecila" cannot
// show as "alice" and "Bo\u200Bb" is kept as "Bob".
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/protocol/bytes';
import type { GroupState } from '../../src-shared/protocol/membership-state';
import type { LogIndex } from '../../src-shared/protocol/log-index';
import { cleanMemberName, PROFILES_MAP } from '../../src-shared/protocol/member-profile';
import { checkedProfile, signProfile } from '../../src-main/core/sync/member-profiles';
import { PresenceTracker, sealPresence } from '../../src-main/core/sync/presence';
import { createProfileKeeper } from '../../src-main/core/sync/profile-keeper';
import type { OpenDoc } from '../../src-main/core/sync/open-documents';
import type { Db } from '../../src-main/core/vault/migrations';
import { loadDeviceNames, loadVerifiedDevices } from '../../src-main/core/groups/contacts-store';
import { runMigrations } from '../../src-main/core/vault/migrations';
import { signer, type Device } from '../support/test-devices';
import { vaultAtVersion } from '../support/vault-at-version';
import { twoMemberGroup } from '../support/two-member-group';

const HOSTILE = '\u202Eecila\u200B';

let me: Device, bob: Device;
let state: GroupState;
let log: LogIndex;
let groupId: Uint8Array, docId: Uint8Array, key: Uint8Array;

beforeAll(async () => {
  ({ me, bob, state, log, groupId, docId, key } = await twoMemberGroup());
});

describe('cleanMemberName', () => {
  it('removes control, format, bidi and other default-ignorable characters, and trims', () => {
    expect(cleanMemberName('Bo\u200Bb')).toBe('Bob');
    expect(cleanMemberName(HOSTILE)).toBe('ecila');
    expect(cleanMemberName(' \u2066An\u00ADna\u2069\u200E ')).toBe('Anna');
    expect(cleanMemberName('A\u0000l\u0007e\u007Fs\u0085i\na\t')).toBe('Alesia');
    expect(cleanMemberName('Ol\u034Fe\u2060g\u200D\u200C\u202A\u202D\u061C\u200F\uFEFF')).toBe(
      'Oleg',
    );
    expect(cleanMemberName('\u3164\uFE0F\u{E0041}')).toBe('');
  });

  it('keeps what a reader sees: letters of any script, combining marks, spaces', () => {
    expect(cleanMemberName('Алеся Ка́ліна')).toBe('Алеся Ка́ліна');
    expect(cleanMemberName('مریم')).toBe('مریم');
  });

  it('keeps the joiners a word is spelt with, and no other', () => {
    // Persian needs the non-joiner (می‌خواهم is "I want", میخواهم a misspelling); Hindi's half
    // form and an emoji of two need the joiner.
    expect(cleanMemberName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanMemberName('क्\u200Dष')).toBe('क्\u200Dष');
    expect(cleanMemberName('Ana 👩\u200D💻')).toBe('Ana 👩\u200D💻');
    // At a word's edge, in a row, or beside a space they only hide something.
    expect(cleanMemberName('\u200CAna\u200D')).toBe('Ana');
    expect(cleanMemberName('An\u200C\u200Da')).toBe('Ana');
    expect(cleanMemberName('Ana \u200CPetrova')).toBe('Ana Petrova');
    // The override goes; the joiner, then between two letters, hides nothing.
    expect(cleanMemberName('Ana\u200C\u202Eavortep')).toBe('Ana\u200Cavortep');
    // Judged by neighbours that stay: a Hangul filler is a letter, a variation selector a mark,
    // and both are invisible. Cleaning twice changes nothing.
    expect(cleanMemberName('\u3164\u200D\u3164')).toBe('');
    expect(cleanMemberName('Bob\u200D\u3164')).toBe('Bob');
    expect(cleanMemberName('Bo\uFE00\u200D')).toBe('Bo');
    for (const name of ['می\u200Cخواهم', 'a\u200B\u200Cb', 'x\u3164\u200Cy']) {
      expect(cleanMemberName(cleanMemberName(name))).toBe(cleanMemberName(name));
    }
  });

  it('makes each run of blanks one space, so a name of blanks alone is no name', () => {
    expect(cleanMemberName('Ana\u2800Petrova')).toBe('Ana Petrova');
    expect(cleanMemberName('Ana \u00A0\u3000 Petrova')).toBe('Ana Petrova');
    expect(cleanMemberName('\u2800\u2800\u2003')).toBe('');
  });
});

describe('names kept before they were cleaned on arrival', () => {
  it('are read from the vault without what they hide', () => {
    const db = vaultAtVersion(0);
    runMigrations(db);
    const device = new Uint8Array(32).fill(7);
    db.prepare('INSERT INTO device_names (device_key, name, seen_at) VALUES (?, ?, 0)').run(
      device,
      HOSTILE,
    );
    db.prepare(
      "INSERT INTO verified_devices (device_key, fingerprint, name, verified_at) VALUES (?, 'f', ?, 0)",
    ).run(device, 'Bo\u200Bb\u2800');
    expect(loadDeviceNames(db).get(toHex(device))).toBe('ecila');
    expect(loadVerifiedDevices(db).get(toHex(device))?.name).toBe('Bob');
    db.close();
  });
});

describe('names from other members', () => {
  it('are cleaned when they come in presence', () => {
    const tracker = new PresenceTracker(toHex(groupId), toHex(docId), toHex(me.signing.publicKey));
    const presence = sealPresence({
      groupId,
      docId,
      epoch: 0,
      active: null,
      log: { length: state.length, head: state.headHash },
      me: bob.signing.publicKey,
      key,
      sign: signer(bob),
      name: HOSTILE,
      cursor: null,
    });
    const view = { group: state, log, active: null, documentKey: () => key };
    const verdict = tracker.receive(presence, view, Date.now());
    expect(verdict.kind === 'changed' && verdict.peer.name).toBe('ecila');
    expect(tracker.list().map((peer) => peer.name)).toEqual(['ecila']);
  });

  it('are cleaned when read from a signed profile, whose signature covers the name as sent', () => {
    const ids = { groupId, docId };
    const bobHex = toHex(bob.signing.publicKey);
    const bytes = signProfile(ids, bob.signing.publicKey, HOSTILE, 5, signer(bob));
    // The profile itself still verifies: cleaning it before the check would refuse it.
    expect(checkedProfile(ids, bobHex, bytes)?.name).toBe(HOSTILE);
    const ydoc = new Y.Doc();
    ydoc.getMap<unknown>(PROFILES_MAP).set(bobHex, bytes);
    const names = new Map<string, string>();
    const db = { prepare: () => ({ run: () => undefined }) } as unknown as Db;
    const keeper = createProfileKeeper({
      db,
      me: me.signing.publicKey,
      sign: signer(me),
      names,
      myName: () => '',
      toRenderer: () => undefined,
      onNamesChanged: () => undefined,
    });
    const doc = { sync: { readable: () => true, ydoc }, group: ids } as unknown as OpenDoc;
    keeper.read(doc);
    expect(names.get(bobHex)).toBe('ecila');
  });
});
