// A connection re-checks its device's membership when told its group changed; when the store
// cannot answer, the relay must neither crash nor keep a possibly removed device subscribed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryFanout } from '../../server/fanout/memory-fanout';
import type { Fanout } from '../../server/fanout/fanout';
import { startRelay, type RunningRelay } from '../../server/relay';
import type { RelayStore } from '../../server/store/relay-store';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { createGroup, newDevice, RelayTestClient } from '../support/relay-test-client';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A relay whose store, once `arm()` was called, fails every log read made while a group-change
 * notice is being fanned out (the connections' membership checks), and answers every other read.
 */
async function relayWithFailingChecks(): Promise<{
  relay: RunningRelay;
  logs: string[];
  arm: () => void;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const inner = openSqliteStore(dataDir);
  let armed = false;
  let failing = false;
  const store: RelayStore = {
    ...inner,
    // As if other relay processes wrote to it too: each membership check reads the log's tail.
    shared: true,
    groupEntries: (...args) =>
      failing ? Promise.reject(new Error('disk gone')) : inner.groupEntries(...args),
  };
  const memory = createMemoryFanout();
  const fanout: Fanout = {
    ...memory,
    publish(topic, message, then) {
      failing = armed && topic.startsWith('device:');
      try {
        memory.publish(topic, message, then);
      } finally {
        failing = false;
      }
    },
  };
  const logs: string[] = [];
  const relay = await startRelay({
    port: 0,
    dataDir,
    store,
    fanout,
    log: (line) => logs.push(line),
  });
  cleanups.push(async () => {
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    relay,
    logs,
    arm: () => {
      armed = true;
    },
  };
}

async function connect(url: string, device = newDevice()): Promise<RelayTestClient> {
  const client = await RelayTestClient.connect(url, device);
  cleanups.push(() => client.close());
  return client;
}

describe('the membership check after GROUP_CHANGED', () => {
  it('closes the connection when the store cannot answer, and the relay goes on serving', async () => {
    const { relay, logs, arm } = await relayWithFailingChecks();
    const admin = newDevice();
    const member = newDevice();
    const adminClient = await connect(relay.url, admin);
    const log = await createGroup(adminClient, admin);
    const added = log.addMember(admin, member, 'editor');
    expect(await adminClient.request({ type: 'groupAppend', entry: added })).toMatchObject({
      type: 'ok',
    });
    log.accept(added);
    const memberClient = await connect(relay.url, member);

    // Another change to the group: every member's connection checks its membership, and fails.
    arm();
    adminClient.fire({
      type: 'groupAppend',
      entry: log.addMember(admin, newDevice(), 'viewer'),
    });
    expect((await memberClient.closed).code).toBe(1011);
    expect(logs.some((line) => line.includes('membership check failed: Error'))).toBe(true);

    // The member connects again and is served, as a member, from the store.
    const again = await connect(relay.url, member);
    expect(await again.request({ type: 'listGroups' })).toMatchObject({
      type: 'groupList',
      groupIds: [log.groupId],
    });
  });
});
