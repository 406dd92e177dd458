// Invite links and the material the relay keeps for an invite: a link survives being pasted from a
// chat app, a damaged one is refused with a clear reason, and material opens only with the link's
// seed, for its own group and invite key.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  randomBytes,
  signingKeyPairFromSeed,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import {
  encodeInviteLink,
  INVITE_LINK_PREFIX,
  parseInviteLink,
} from '../../src-main/core/groups/invite-link';
import { openInviteMaterial, sealInviteMaterial } from '../../src-main/core/groups/invite-material';

beforeAll(sodiumReady);

describe('invite links', () => {
  it('round-trips relay, group and seed, and ignores whitespace a chat app adds', () => {
    const data = {
      relayUrl: 'wss://relay.example:8443',
      groupId: randomBytes(16),
      seed: randomBytes(32),
      relayKey: null,
    };
    const link = encodeInviteLink(data);
    expect(link.startsWith(INVITE_LINK_PREFIX)).toBe(true);
    const wrapped = `  ${link.slice(0, 30)}\n${link.slice(30)}  `;
    expect(parseInviteLink(wrapped)).toEqual(data);
  });

  it('carries the relay key the inviter pinned (v2), and still reads a v1 link without one', () => {
    const data = {
      relayUrl: 'wss://relay.example',
      groupId: randomBytes(16),
      seed: randomBytes(32),
      relayKey: randomBytes(32),
    };
    const v2 = encodeInviteLink(data);
    expect(parseInviteLink(v2)).toEqual(data);
    const v1 = encodeInviteLink({ ...data, relayKey: null });
    expect(v1.length).toBeLessThan(v2.length);
    expect(parseInviteLink(v1)).toEqual({ ...data, relayKey: null });
    // A v2 link cut where the key should be is not a shorter v1 link: refused.
    const bytes = Buffer.from(v2.slice(INVITE_LINK_PREFIX.length), 'base64url');
    const cut = INVITE_LINK_PREFIX + bytes.subarray(0, bytes.length - 1).toString('base64url');
    expect(() => parseInviteLink(cut)).toThrowError(
      expect.objectContaining({ code: 'invite-invalid' }),
    );
  });

  it('refuses what is not a whole invite', () => {
    const link = encodeInviteLink({
      relayUrl: 'ws://127.0.0.1:4000',
      groupId: randomBytes(16),
      seed: randomBytes(32),
    });
    for (const bad of [
      'https://example.org/join#abc',
      link.slice(0, link.length - 5),
      `${link}AAAA`,
      `${link}!`,
      INVITE_LINK_PREFIX,
    ]) {
      expect(() => parseInviteLink(bad), bad).toThrowError(
        expect.objectContaining({ code: 'invite-invalid' }),
      );
    }
    const notWs = encodeInviteLink({
      relayUrl: 'http://relay.example',
      groupId: randomBytes(16),
      seed: randomBytes(32),
    });
    expect(() => parseInviteLink(notWs)).toThrowError(/relay address/);
  });
});

describe('invite material', () => {
  it('opens only with the seed, for the same group and invite key', () => {
    const seed = randomBytes(32);
    const groupId = randomBytes(16);
    const inviteKey = signingKeyPairFromSeed(seed).publicKey;
    const material = { docId: 'ab'.repeat(16), genesis: 'cd'.repeat(32) };
    const sealed = sealInviteMaterial(seed, groupId, inviteKey, material);
    expect(openInviteMaterial(seed, groupId, inviteKey, sealed)).toEqual(material);
    expect(() => openInviteMaterial(randomBytes(32), groupId, inviteKey, sealed)).toThrow();
    expect(() => openInviteMaterial(seed, randomBytes(16), inviteKey, sealed)).toThrow();
    expect(() => openInviteMaterial(seed, groupId, randomBytes(32), sealed)).toThrow();
    const flipped = new Uint8Array(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => openInviteMaterial(seed, groupId, inviteKey, flipped)).toThrow();
    // Since protocol v3 it holds no key and no name: whoever has the link reads nothing with it.
    const plaintext = JSON.stringify(openInviteMaterial(seed, groupId, inviteKey, sealed));
    expect(plaintext).not.toMatch(/epochKeys|name/);
  });
});
