// Know who is who: a member's name reaches every member from its signed profile in the space as soon
// as it joins (no typing, no presence needed), follows a change of name, reaches others for a viewer
// through a writer, survives the member's removal, and cannot be forged by another member.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeProfile, PROFILES_MAP } from '../../src-shared/protocol/member-profile';
import { randomBytes } from '../../src-main/core/crypto/sodium';
import {
  client,
  connectedAll,
  myDeviceKey,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const me = myDeviceKey;
const nameIn = (viewer: Client, device: string): string | null =>
  viewer.engine.listSpaces()[0]?.members.find((m) => m.deviceKey === device)?.name ?? null;

async function withSpace(names: string[]) {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-profiles-')));
  const clients: Client[] = [];
  for (const name of names) {
    const c = await client(relay.url);
    c.name = name;
    clients.push(c);
  }
  await connectedAll(clients);
  const [owner] = clients as [Client];
  const space = await owner.engine.createSpace('Names');
  return { relay, clients, space };
}

describe('member profiles', () => {
  it('a joiner’s name reaches the others at once, and follows a change of name', async () => {
    const { clients, space } = await withSpace(['Alesia', 'Bahdan']);
    const [alesia, bahdan] = clients as [Client, Client];
    const invite = await alesia.engine.createInvite(space.id, 'editor', 7);
    await bahdan.engine.join(invite.link);
    await waitFor('alesia knows bahdan', () => nameIn(alesia, me(bahdan)) === 'Bahdan');
    await waitFor('bahdan knows alesia', () => nameIn(bahdan, me(alesia)) === 'Alesia');

    bahdan.name = 'Bahdan K.';
    bahdan.engine.nameChanged();
    await waitFor('the new name', () => nameIn(alesia, me(bahdan)) === 'Bahdan K.');
  });

  it('a viewer’s name reaches others through a writer, and a removed member keeps the name', async () => {
    const { clients, space } = await withSpace(['Alesia', 'Viera', 'Danuta']);
    const [alesia, viera, danuta] = clients as [Client, Client, Client];
    for (const [who, role] of [
      [viera, 'viewer'],
      [danuta, 'editor'],
    ] as const) {
      const invite = await alesia.engine.createInvite(space.id, role, 7);
      await who.engine.join(invite.link);
    }
    // Viera cannot write the document: her presence carries her signed profile, and Alesia's app
    // stores it there, so Danuta, who never saw Viera's presence, learns her name too.
    alesia.open(space.docId);
    await waitFor(
      'viera has the key',
      () => viera.engine.listSpaces()[0]?.waitingForKeys === false,
    );
    viera.open(space.docId);
    viera.engine.setPresence(space.docId, 'Viera', null);
    await waitFor('danuta knows viera', () => nameIn(danuta, me(viera)) === 'Viera');

    const vieraKey = me(viera);
    await alesia.engine.removeMember(space.id, vieraKey);
    await waitFor('viera is a former member', () =>
      Boolean(alesia.engine.listSpaces()[0]?.formerMembers.some((f) => f.deviceKey === vieraKey)),
    );
    expect(alesia.engine.listSpaces()[0]?.formerMembers).toContainEqual({
      deviceKey: vieraKey,
      name: 'Viera',
      how: 'removed',
    });
  });

  it('a member cannot write a name for someone else', async () => {
    const { clients, space } = await withSpace(['Alesia', 'Bahdan']);
    const [alesia, bahdan] = clients as [Client, Client];
    const invite = await alesia.engine.createInvite(space.id, 'editor', 7);
    await bahdan.engine.join(invite.link);
    await waitFor('names known', () => nameIn(bahdan, me(alesia)) === 'Alesia');
    // Bahdan's (modified) renderer puts a profile for Alesia's device into the shared document.
    bahdan.open(space.docId);
    bahdan.doc.getMap(PROFILES_MAP).set(me(alesia), randomBytes(80));
    bahdan.doc.getText('t').insert(0, 'marker');
    alesia.open(space.docId);
    await waitFor('alesia has the edit', () => alesia.text() === 'marker');
    await waitFor('bahdan has no warning pending', () => bahdan.engine.state().pending === 0);
    expect(nameIn(bahdan, me(alesia))).toBe('Alesia');
    expect(nameIn(alesia, me(bahdan))).toBe('Bahdan');
    // Alesia's app notices its profile was overwritten and signs it again, for those who join later.
    const alesiaKey = me(alesia);
    await waitFor('alesia’s profile restored', () => {
      const stored = bahdan.doc.getMap(PROFILES_MAP).get(alesiaKey);
      if (!(stored instanceof Uint8Array)) return false;
      try {
        return decodeProfile(stored).name === 'Alesia';
      } catch {
        return false;
      }
    });
  });
});
