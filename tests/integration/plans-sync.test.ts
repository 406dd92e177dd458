// Campaign plans through real engines and a real relay: a task assigned in one app reaches the
// assignee's "my tasks" without them opening the space; plan edits made offline on two apps merge;
// a restored version reaches everyone as a new edit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTask,
  createPlan,
  listPlans,
  listVersions,
  planBody,
  restoreVersion,
  saveVersion,
} from '../../src-shared/plans/plan-model';
import {
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const myKey = (c: Client) => c.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

async function twoMembers(dataDir: string, port = 0) {
  const relay = await relayOn(dataDir, port);
  const alice = await client(relay.url);
  const bob = await client(relay.url);
  for (const c of [alice, bob]) await waitFor('connection', connected(c));
  const space = await alice.engine.createSpace('Campaign');
  const invite = await alice.engine.createInvite(space.id, 'editor', 7);
  await bob.engine.join(invite.link);
  alice.open(space.docId);
  return { relay, alice, bob, space };
}

describe('campaign plans through the relay', () => {
  it('puts a task assigned to me under my tasks without my opening the space', async () => {
    const { alice, bob } = await twoMembers(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const planId = createPlan(alice.doc, { title: 'Spring campaign', by: myKey(alice), at: 1 });
    addTask(alice.doc, {
      planId,
      title: 'Write the press release',
      assignee: myKey(bob),
      due: '2026-12-01',
      anchor: null,
      createdAt: Date.now(),
      createdBy: myKey(alice),
    });
    addTask(alice.doc, {
      planId,
      title: 'Alice does this one',
      assignee: myKey(alice),
      due: null,
      anchor: null,
      createdAt: Date.now(),
      createdBy: myKey(alice),
    });
    await waitFor('bob’s tasks', () => bob.engine.myTasks().length === 1);
    expect(bob.engine.myTasks()).toEqual([
      expect.objectContaining({
        spaceName: 'Campaign',
        planTitle: 'Spring campaign',
        title: 'Write the press release',
        due: '2026-12-01',
        status: 'todo',
      }),
    ]);
    expect(alice.engine.myTasks().map((t) => t.title)).toEqual(['Alice does this one']);
  });

  it('merges plan edits made offline on two apps, and restores a version for everyone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const { relay, alice, bob, space } = await twoMembers(dataDir);
    const planId = createPlan(alice.doc, { title: 'Plan', by: myKey(alice), at: 1 });
    planBody(alice.doc, planId).insert(0, [paragraph('Goals')]);
    bob.open(space.docId);
    await waitFor('bob to get the plan', () => listPlans(bob.doc).length === 1);
    await waitFor('bob to get the body', () => planBody(bob.doc, planId).length === 1);
    const goals = saveVersion(alice.doc, {
      planId,
      name: 'Goals only',
      auto: false,
      at: Date.now(),
      author: myKey(alice),
      authorName: 'Alesya',
    });

    const port = Number(new URL(relay.url).port);
    await relay.close();
    await waitFor('offline', () => alice.engine.state().connection !== 'connected');
    planBody(alice.doc, planId).insert(1, [paragraph('Timeline from Alesya')]);
    planBody(bob.doc, planId).insert(0, [paragraph('Budget from Bogdan')]);

    await relayOn(dataDir, port);
    const both = (c: Client) => {
      const text = planBody(c.doc, planId).toString();
      return text.includes('Timeline from Alesya') && text.includes('Budget from Bogdan');
    };
    await waitFor('both offline edits on both apps', () => both(alice) && both(bob), 30_000);
    expect(planBody(alice.doc, planId).toString()).toBe(planBody(bob.doc, planId).toString());

    const version = listVersions(bob.doc, planId).find((v) => v.id === goals);
    if (!version) throw new Error('the version did not reach bob');
    restoreVersion(bob.doc, version);
    await waitFor(
      'alice to see the restored text',
      () => planBody(alice.doc, planId).toString() === '<paragraph>Goals</paragraph>',
    );
  });
});
