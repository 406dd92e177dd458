// Briefings through a real relay: sealed to the audience only (a member left out, holding its keys
// and the relay's whole store, opens nothing), read and acknowledged with receipts to the author,
// deleted for everyone, and wiped at expiry from every vault and from the relay.
import { afterEach, describe, expect, it } from 'vitest';
import { StoreQuotaError } from '../../server/store/relay-store';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { briefingWorld, compose, received, withBriefings } from '../support/briefing-clients';
import { startRelay } from '../../server/relay';
import { cleanups, connected, runCleanups, waitFor } from '../support/sync-clients';
import { openSealedMailAttempts } from '../support/briefing-attacks';

afterEach(runCleanups);

describe('a briefing to chosen members', () => {
  it('reaches them, and a member left out decrypts nothing of it with all its keys', async () => {
    const { clients, spaceId, store, relayDir } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    const canary = uniqueCanary('names-of-the-arrested');
    await ana.b.send(
      compose(spaceId, {
        title: 'For Bo only',
        body: contentFromPlainText(`Detained: ${canary}`),
        audience: [bo.me],
      }),
    );
    const id = await received(bo, 'For Bo only');
    const view = bo.b.get(id);
    expect(JSON.stringify(view.body)).toContain(canary);
    expect(view.authorDevice).toBe(ana.me);
    expect(view.audience.map((a) => a.device)).toEqual([bo.me]);

    // Cy fetches everything the relay gives it: nothing. Then the attack: every mail item the
    // relay stores, for anyone, tried with Cy's box key.
    await cy.b.service.syncAll(null);
    expect(cy.b.list({}).items).toEqual([]);
    const attempts = await openSealedMailAttempts(store, cy);
    expect(attempts.tried).toBeGreaterThan(0);
    expect(attempts.opened).toEqual([]);
    expect(filesContaining(relayDir, canary)).toEqual([]);
    expect(filesContaining(cy.dir, canary)).toEqual([]);
  });
});

describe('reading a briefing', () => {
  it('tells the author who has read and who has acknowledged it', async () => {
    const { clients, spaceId } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    const { id } = await ana.b.send(compose(spaceId, { title: 'Court decision' }));
    await received(bo, 'Court decision');
    await received(cy, 'Court decision');
    expect(bo.b.list({}).items[0]?.unread).toBe(true);
    bo.b.get(id);
    expect(bo.b.list({}).items[0]?.unread).toBe(false);
    await cy.b.service.acknowledge(id);
    await waitFor('both receipts', () => {
      const receipts = ana.b.get(id).receipts;
      return receipts.length === 2 && receipts.some((r) => r.ackedAt !== null);
    });
    const receipts = ana.b.get(id).receipts;
    expect(receipts.find((r) => r.device === bo.me)).toMatchObject({ ackedAt: null });
    expect(receipts.find((r) => r.device === bo.me)?.readAt).not.toBeNull();
    expect(receipts.find((r) => r.device === cy.me)?.ackedAt).not.toBeNull();
  });

  it('sends a receipt made offline at the next connection, even after a restart', async () => {
    const { clients, spaceId, relay, relayDir } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const { id } = await ana.b.send(compose(spaceId, { title: 'Read on the train' }));
    await received(bo, 'Read on the train');
    const port = relay.port;
    await relay.close();
    await waitFor('Bo is offline', () => !connected(bo)());
    bo.b.get(id);
    await bo.b.settled();
    // Bo's app is locked or restarted: nothing of the session's memory is left.
    bo.b.stop();
    const again = withBriefings(bo);
    const back = await startRelay({ port, dataDir: relayDir, log: () => undefined });
    cleanups.push(() => back.close());
    await waitFor('Bo is back', connected(bo));
    await again.b.service.syncAll(null);
    await waitFor('Ana hears that Bo read it', () =>
      ana.b.get(id).receipts.some((r) => r.device === bo.me && r.readAt !== null),
    );
  });

  it('sends no receipt when the author turned them off', async () => {
    const { clients, spaceId } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const { id } = await ana.b.send(compose(spaceId, { title: 'Quiet', receipts: false }));
    await received(bo, 'Quiet');
    bo.b.get(id);
    await bo.b.service.acknowledge(id);
    // A second briefing after the acknowledgement: once it has arrived, a receipt sent before it
    // would have arrived too (the relay hands items out in order).
    await bo.b.send(compose(spaceId, { title: 'Marker' }));
    await received(ana, 'Marker');
    await ana.b.service.syncAll(null);
    expect(ana.b.get(id).receipts).toEqual([]);
  });
});

describe('expiry and recall', () => {
  it('wipes an expired briefing from every vault, and the relay deletes it', async () => {
    const { clients, spaceId, store, relayDir } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const canary = uniqueCanary('safe-house-address');
    const { id } = await ana.b.send(
      compose(spaceId, {
        title: `Address ${canary}`,
        body: contentFromPlainText(canary),
        expiresInHours: 1,
      }),
    );
    await received(bo, `Address ${canary}`);
    expect(bo.b.list({ query: canary.split('-')[0] }).items).toHaveLength(1);
    for (const c of [ana, bo]) c.clock.offset = 2 * 3_600_000;
    for (const c of [ana, bo]) {
      expect(c.b.list({}).items).toEqual([]);
      expect(() => c.b.get(id)).toThrow(expect.objectContaining({ code: 'briefing-expired' }));
      expect(c.b.list({ query: canary.split('-')[0] }).items).toEqual([]);
      const leftovers = c.vault.db
        .prepare("SELECT count(*) AS n FROM briefings_fts WHERE briefings_fts MATCH 'safe'")
        .get() as { n: number };
      expect(leftovers.n).toBe(0);
      expect(filesContaining(c.dir, canary)).toEqual([]);
    }
    // The relay deletes at its sweep once the hour has passed by its clock.
    expect(await store.deleteExpiredMail(Date.now() + 2 * 3_600_000)).toBeGreaterThan(0);
    expect(
      await store.mailFor(
        new Uint8Array(Buffer.from(spaceId, 'hex')),
        new Uint8Array(Buffer.from(bo.me, 'hex')),
        0,
        100,
      ),
    ).toEqual([]);
    expect(filesContaining(relayDir, canary)).toEqual([]);
  });

  it('wipes on the next unlock a briefing that expired while the device was locked', async () => {
    const { clients, spaceId } = await briefingWorld(2);
    const [ana, bo] = clients as [(typeof clients)[0], (typeof clients)[0]];
    const { id } = await ana.b.send(compose(spaceId, { title: 'Short-lived', expiresInHours: 1 }));
    await received(bo, 'Short-lived');
    bo.b.stop();
    const held = bo.vault.db.prepare('SELECT count(*) AS n FROM briefings WHERE id = ?').get(id);
    expect(held).toEqual({ n: 1 });
    // "Unlock" two hours later: a new session over the same vault sweeps before anything else.
    const { createBriefingSession } =
      await import('../../src-main/core/briefings/briefing-session');
    const later = createBriefingSession(bo.vault.db, bo.engine, () => undefined, {
      now: () => Date.now() + 2 * 3_600_000,
    });
    later.stop();
    expect(bo.vault.db.prepare('SELECT count(*) AS n FROM briefings WHERE id = ?').get(id)).toEqual(
      {
        n: 0,
      },
    );
  });

  it("is in its author's list before its first copy goes out, and not at all if none did", async () => {
    const { clients, spaceId, store } = await briefingWorld(2);
    const [ana] = clients as [(typeof clients)[0]];
    // What Ana's list holds when the relay is handed each copy; the relay then refuses it (the
    // space's storage is full), so it holds nothing.
    const listed: string[][] = [];
    store.putMail = () => {
      listed.push(ana.b.list({}).items.map((i) => i.title));
      return Promise.reject(new StoreQuotaError('bytes'));
    };
    await expect(ana.b.send(compose(spaceId, { title: 'Not yet' }))).rejects.toBeDefined();
    // Had the app stopped there, the copy would not have been out of Ana's reach.
    expect(listed[0]).toEqual(['Not yet']);
    // Nobody got it: it is not listed as sent.
    expect(ana.b.list({}).items).toEqual([]);
    // A copy that failed without a clear refusal may be held by the relay: the briefing stays.
    store.putMail = () => Promise.reject(new Error('disk'));
    await expect(ana.b.send(compose(spaceId, { title: 'Maybe out' }))).rejects.toBeDefined();
    expect(ana.b.list({}).items.map((i) => i.title)).toEqual(['Maybe out']);
  });

  it('sent again after a failure part way, goes on under its id, and one recall reaches all', async () => {
    const { clients, spaceId, store } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    // The relay stores the first copy, then fails the next (its disk, a restart).
    const putMail = store.putMail.bind(store);
    let puts = 0;
    store.putMail = (...args) =>
      ++puts === 2 ? Promise.reject(new Error('disk')) : putMail(...args);
    const draft = compose(spaceId, { title: 'Cut short' });
    await expect(ana.b.send(draft)).rejects.toBeDefined();
    // Already in Ana's list, as some have it: she could recall it even without sending again.
    expect(ana.b.list({}).items.map((i) => i.title)).toEqual(['Cut short']);
    const { id } = await ana.b.send(draft);
    await received(bo, 'Cut short');
    await received(cy, 'Cut short');
    for (const c of [ana, bo, cy]) expect(c.b.list({}).items.map((i) => i.id)).toEqual([id]);

    await ana.b.service.recall(id);
    for (const c of [ana, bo, cy]) {
      await waitFor('the recall', () => c.b.list({}).items.length === 0);
    }
  });

  it('deletes for everyone when the author recalls it, and only the author can', async () => {
    const { clients, spaceId, store } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    const { id } = await ana.b.send(compose(spaceId, { title: 'Recall me' }));
    await received(bo, 'Recall me');
    await received(cy, 'Recall me');
    await expect(bo.b.service.recall(id)).rejects.toMatchObject({ code: 'not-admin' });
    await ana.b.service.recall(id);
    for (const c of [ana, bo, cy]) {
      await waitFor('the recall', () => c.b.list({}).items.length === 0);
    }
    const items = await store.mailFor(
      new Uint8Array(Buffer.from(spaceId, 'hex')),
      new Uint8Array(Buffer.from(bo.me, 'hex')),
      0,
      100,
    );
    // Only the recall notice stays (until the briefing would have expired): no copy.
    expect(items.map((i) => i.kind)).toEqual([3]);
  });
});

describe('leak tracing', () => {
  const TEXT =
    'Three activists were detained near the court in Hrodna last night after the vigil. ' +
    'Their lawyers were not allowed in, and the police station refused to confirm where they are held. ' +
    'Families gathered outside the station this morning; one mother was told to come back on Monday. ' +
    'Please do not publish names until the families agree. Coordinate any statement with the legal team, ' +
    'and keep the list of witnesses off every messenger. The next hearing is expected within two weeks, ' +
    'and observers are needed who can travel on short notice without attracting attention.';

  it('names the recipient whose copy leaked, and cannot tell from a retyped text', async () => {
    const { clients, spaceId } = await briefingWorld(3);
    const [ana, bo, cy] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    const { id } = await ana.b.send(
      compose(spaceId, { title: 'Detentions', body: contentFromPlainText(TEXT), canary: true }),
    );
    const copyOf = async (c: (typeof clients)[0]) => {
      const got = c.b.get(await received(c, 'Detentions'));
      return (got.body.content ?? [])
        .map((p) => (p.content ?? []).map((t) => t.text).join(''))
        .join('\n');
    };
    const boCopy = await copyOf(bo);
    const cyCopy = await copyOf(cy);
    expect(boCopy).not.toBe(cyCopy);
    expect(ana.b.get(id).canary).toBe(true);
    expect(ana.b.traceLeak(id, boCopy)).toMatchObject({ device: bo.me });
    expect(ana.b.traceLeak(id, cyCopy)).toMatchObject({ device: cy.me });
    expect(ana.b.traceLeak(id, TEXT)).toMatchObject({ device: null, name: null });
    // A marked copy is still found by its plain words.
    expect(bo.b.list({ query: 'witnesses' }).items).toHaveLength(1);
  });
});
