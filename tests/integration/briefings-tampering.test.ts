// Briefings against a relay that tampers and a member whose app is modified: a flipped byte, an
// item the relay passes off as another member's, and a briefing from a viewer (whose app is not
// allowed to send one) are each refused with a warning and never shown.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import { putMail } from '../../src-main/core/briefings/briefing-mail';
import { getBriefing } from '../../src-main/core/briefings/briefing-reads';
import type { MailPayload } from '../../src-shared/briefings/briefing-model';
import { RELAY_DB_FILE } from '../../server/store/sqlite-store';
import {
  briefingWorld,
  compose,
  received,
  withBriefings,
  type BriefingClient,
} from '../support/briefing-clients';
import { addAndAccept, client, connected, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

function tamper(relayDir: string, sql: string, ...params: unknown[]): number {
  const db = new Database(join(relayDir, RELAY_DB_FILE));
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

/** Changes the stored copy's ciphertext in place, as a relay with its hands on its disk can. */
function tamperRow(relayDir: string, change: (ciphertext: Buffer) => void): number {
  const db = new Database(join(relayDir, RELAY_DB_FILE));
  try {
    const row = db.prepare('SELECT seq, ciphertext FROM mail WHERE kind = 1').get() as
      { seq: number; ciphertext: Buffer } | undefined;
    if (!row) return 0;
    change(row.ciphertext);
    return db.prepare('UPDATE mail SET ciphertext = ? WHERE seq = ?').run(row.ciphertext, row.seq)
      .changes;
  } finally {
    db.close();
  }
}

/**
 * A copy sealed to `to` by hand, as a modified app seals one: nothing of the sender's own app stands
 * in the way, so whatever keeps it off the recipient's screen is the recipient's own check.
 */
async function sealCopyByHand(
  from: BriefingClient,
  to: BriefingClient,
  spaceId: string,
  copy: { id: string; title: string; body: string; createdAt?: number },
): Promise<void> {
  const access = from.engine.docAccess();
  const group = access.group(spaceId);
  if (!group) throw new Error('no group');
  // The copy is sealed to the recipient's key, which the sender learns from its member list.
  await waitFor("the recipient in the sender's member list", () => group.state.members.has(to.me));
  await putMail(
    access,
    group,
    {
      v: 1,
      kind: 'copy',
      id: copy.id,
      space: spaceId,
      from: from.me,
      to: to.me,
      createdAt: copy.createdAt ?? Date.now(),
      expiresAt: null,
      audience: [to.me],
      wholeSpace: false,
      title: copy.title,
      body: contentFromPlainText(copy.body),
      attachments: [],
      receipts: false,
    },
    null,
  );
}

describe('a tampering relay', () => {
  it('cannot slip in a changed briefing: one flipped byte is refused with a warning', async () => {
    const { clients, spaceId, relayDir } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    // Bo is offline while the relay changes the stored copy.
    bo.b.stop();
    await ana.b.send(compose(spaceId, { title: 'Flipped' }));
    const changed = tamperRow(relayDir, (ciphertext) => {
      ciphertext[40] = (ciphertext[40] ?? 0) ^ 1;
    });
    expect(changed).toBe(1);
    const fresh = withBriefings(bo);
    await fresh.b.service.syncAll(null);
    const { items, refused } = fresh.b.list({});
    expect(items).toEqual([]);
    expect(refused).toEqual([expect.objectContaining({ spaceId, reason: 'unreadable' })]);
  });

  it("cannot pass one member's briefing off as another's", async () => {
    const { clients, spaceId, relayDir } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    bo.b.stop();
    await ana.b.send(compose(spaceId, { title: 'From Ana', audience: [bo.me] }));
    // The relay says Cy sent it (its sender column), hoping Bo shows Cy's name on Ana's words.
    tamper(relayDir, 'UPDATE mail SET sender = ? WHERE kind = 1', Buffer.from(cy.me, 'hex'));
    const fresh = withBriefings(bo);
    await fresh.b.service.syncAll(null);
    expect(fresh.b.list({}).items).toEqual([]);
    expect(fresh.b.list({}).refused[0]?.reason).toBe('misaddressed');
  });
});

describe("a member's modified app", () => {
  it('cannot brief as a viewer: the recipient refuses it', async () => {
    const { clients, spaceId } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const viewer = withBriefings(await client(ana.engine.docAccess().relayUrl));
    await waitFor('connection', connected(viewer));
    await addAndAccept(ana, viewer, spaceId, 'viewer');
    await expect(viewer.b.send(compose(spaceId, { title: 'Not allowed' }))).rejects.toMatchObject({
      code: 'not-member',
    });
    // Its modified app seals a copy by hand, bypassing the check its own app makes.
    await sealCopyByHand(viewer, bo, spaceId, {
      id: 'ab'.repeat(16),
      title: 'Forged order',
      body: 'Go to the square now.',
    });
    await waitFor('the refusal', () => bo.b.list({}).refused.length > 0);
    expect(bo.b.list({}).items.map((i) => i.title)).not.toContain('Forged order');
    expect(bo.b.list({}).refused[0]?.reason).toBe('not-member');
  });

  it("cannot keep another member's briefing away by recalling its id first", async () => {
    const { clients, spaceId } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    // Cy and Bo share a second space, which Bo's app happens to read first.
    const other = await cy.engine.createSpace('Side channel');
    await addAndAccept(cy, bo, other.id, 'editor');
    const id = 'cd'.repeat(16);
    const sealBy = async (c: (typeof clients)[0], space: string, payload: MailPayload) => {
      const access = c.engine.docAccess();
      const group = access.group(space);
      if (!group) throw new Error('no group');
      await waitFor('bo in the member list', () => group.state.members.has(bo.me));
      await putMail(access, group, payload, null);
    };
    const copy = (
      from: string,
      to: string,
      space: string,
      title: string,
      as = id,
    ): MailPayload => ({
      v: 1,
      kind: 'copy',
      id: as,
      space,
      from,
      to,
      createdAt: Date.now(),
      expiresAt: null,
      audience: [to],
      wholeSpace: false,
      title,
      body: contentFromPlainText('She can come on Monday.'),
      attachments: [],
      receipts: false,
    });
    // Cy's modified app learned the id of Ana's briefing (Cy is one of its recipients): it makes
    // the id its own in the second space, then recalls it from Bo there.
    await sealBy(cy, other.id, copy(cy.me, cy.me, other.id, 'Decoy'));
    await sealBy(cy, other.id, {
      v: 1,
      kind: 'recall',
      id,
      space: other.id,
      from: cy.me,
      to: bo.me,
      at: Date.now(),
    });
    await bo.b.service.syncAll(other.id);
    // Ana's briefing with that id still reaches Bo: only Ana may recall it.
    await sealBy(ana, spaceId, copy(ana.me, bo.me, spaceId, 'Lawyer for the detained'));
    await bo.b.service.syncAll(spaceId);
    expect(bo.b.list({}).items.map((i) => i.title)).toEqual(['Lawyer for the detained']);

    // A copy of Cy's under the id of Ana's next briefing gets to Bo first: Bo cannot tell which is
    // the forgery, keeps the first, and names the second as refused instead of dropping it unseen.
    const next = 'ef'.repeat(16);
    await sealBy(cy, other.id, copy(cy.me, bo.me, other.id, 'Meeting moved', next));
    await bo.b.service.syncAll(other.id);
    await sealBy(ana, spaceId, copy(ana.me, bo.me, spaceId, 'Meeting at noon', next));
    await bo.b.service.syncAll(spaceId);
    expect(bo.b.list({}).refused).toMatchObject([{ briefingId: next, reason: 'id-taken' }]);
  });

  it("cannot delete another member's downloaded file by naming its chunks in a copy it recalls", async () => {
    const { clients, spaceId } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    const file = Buffer.from('Names of the detained, with their lawyers.\n'.repeat(2000));
    const staged = await ana.b.stageBegin({
      name: 'list.pdf',
      mime: 'application/pdf',
      size: file.length,
    });
    await ana.b.stageAppend(staged.stageId, file.toString('base64'));
    const { id } = await ana.b.send(
      compose(spaceId, { title: 'List', stagedFiles: [staged.stageId] }),
    );
    await received(bo, 'List');
    await bo.b.download(id, 0);
    await received(cy, 'List');
    // Cy is a recipient: its modified app reads the file's blob id from its own copy, names it in a
    // briefing of its own to Bo, and then recalls that one.
    const attachment = getBriefing(cy.vault.db, id)?.payload.attachments[0];
    if (!attachment) throw new Error('Cy has no copy of the file');
    const decoy = 'ab'.repeat(16);
    const access = cy.engine.docAccess();
    const group = access.group(spaceId);
    if (!group) throw new Error('no group');
    const base = { v: 1, space: spaceId, from: cy.me, to: bo.me } as const;
    await putMail(
      access,
      group,
      {
        ...base,
        kind: 'copy',
        id: decoy,
        createdAt: Date.now(),
        expiresAt: null,
        audience: [bo.me],
        wholeSpace: false,
        title: 'Same file',
        body: contentFromPlainText('See attached.'),
        attachments: [attachment],
        receipts: false,
      },
      null,
    );
    await putMail(access, group, { ...base, kind: 'recall', id: decoy, at: Date.now() }, null);
    await bo.b.service.syncAll(spaceId);
    expect(bo.b.list({}).refused).toMatchObject([{ briefingId: decoy, reason: 'id-taken' }]);
    expect(bo.b.get(id).attachmentList[0]?.downloaded).toBe(true);
    const opened = await bo.b.openFile(id, 0);
    expect(Buffer.from(opened.data, 'base64').equals(file)).toBe(true);
  });

  it('cannot blank the recipient’s screen with a time no view can show', async () => {
    const { clients, spaceId } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    await sealCopyByHand(ana, bo, spaceId, {
      id: '9a'.repeat(16),
      title: 'From the far future',
      body: '…',
      // A whole number (as the schema asks) past what a Date holds: formatting it throws.
      createdAt: 8.7e15,
    });
    await waitFor('the refusal', () => bo.b.list({}).refused.length > 0);
    expect(bo.b.list({}).items).toEqual([]);
  });

  it('cannot make a title look like another with invisible characters', async () => {
    const { clients, spaceId } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    // Shows as "Meeting monday at noon", with a zero-width space no eye sees.
    await sealCopyByHand(ana, bo, spaceId, {
      id: '7c'.repeat(16),
      title: 'Meeting \u202Eyadnom\u202C at\u200B noon',
      body: 'Bring the list.',
    });
    const id = await received(bo, 'Meeting yadnom at noon');
    expect(bo.b.get(id).title).toBe('Meeting yadnom at noon');
    expect(bo.b.list({}).refused).toEqual([]);
  });
});
