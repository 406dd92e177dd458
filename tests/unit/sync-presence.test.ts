// Presence under attack: a captured presence replayed after its sender went quiet (or after I
// restarted), and presence as gossip of the sender's signed membership-log head.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogIndex } from '../../src-shared/protocol/log-index';
import type { GroupState } from '../../src-shared/protocol/membership-state';
import { randomBytes } from '../../src-main/core/crypto/sodium';
import { toHex } from '../../src-shared/protocol/bytes';
import {
  PresenceTracker,
  sealPresence,
  type PresenceView,
} from '../../src-main/core/sync/presence';
import { signer, type Device } from '../support/test-devices';
import { twoMemberGroup } from '../support/two-member-group';

let me: Device, bob: Device;
let state: GroupState;
let log: LogIndex;
let groupId: Uint8Array, docId: Uint8Array, key: Uint8Array;

beforeAll(async () => {
  ({ me, bob, state, log, groupId, docId, key } = await twoMemberGroup());
});

const view = (): PresenceView => ({ group: state, log, active: null, documentKey: () => key });
const tracker = () =>
  new PresenceTracker(toHex(groupId), toHex(docId), toHex(me.signing.publicKey));

function bobsPresence(logHead = { length: state.length, head: state.headHash }): Uint8Array {
  return sealPresence({
    groupId,
    docId,
    epoch: 0,
    active: null,
    log: logHead,
    me: bob.signing.publicKey,
    key,
    sign: signer(bob),
    name: 'Bob',
    cursor: null,
  });
}

describe('presence replay', () => {
  it('ignores a captured presence replayed after its sender expired', () => {
    const t = tracker();
    const captured = bobsPresence();
    const now = Date.now();
    expect(t.receive(captured, view(), now).kind).toBe('changed');
    expect(t.expire(now + 31_000, 30_000)).toBe(true);
    expect(t.list()).toEqual([]);
    expect(t.receive(captured, view(), now + 32_000).kind).toBe('ignored');
    expect(t.list()).toEqual([]);
  });

  it('ignores an old presence when it has no counter of the sender (after a restart)', () => {
    const captured = bobsPresence();
    const elevenMinutesLater = Date.now() + 11 * 60_000;
    expect(tracker().receive(captured, view(), elevenMinutesLater).kind).toBe('ignored');
    expect(tracker().receive(bobsPresence(), view(), Date.now()).kind).toBe('changed');
  });
});

describe('presence as gossip of signed heads', () => {
  it('tells me a member has seen a longer log, and names the member', () => {
    const verdict = tracker().receive(
      bobsPresence({ length: state.length + 1, head: randomBytes(32) }),
      view(),
      Date.now(),
    );
    expect(verdict).toEqual({
      kind: 'ahead',
      author: toHex(bob.signing.publicKey),
      length: state.length + 1,
    });
  });

  it('shows a fork when the head differs from mine at the same length', () => {
    const verdict = tracker().receive(
      bobsPresence({ length: state.length, head: randomBytes(32) }),
      view(),
      Date.now(),
    );
    expect(verdict.kind).toBe('forked-log');
  });
});
