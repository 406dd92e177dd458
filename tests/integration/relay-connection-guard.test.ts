// Nothing on a network path may throw out of a socket handler: a frame the engine fails to handle
// is reported, and the connection goes on serving requests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelayConnection } from '../../src-main/core/sync/relay-connection';
import { newDevice, TestGroupLog } from '../support/relay-test-client';
import { cleanups, relayOn, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

describe('the relay connection', () => {
  it('reports what a frame handler threw and keeps serving', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-guard-')));
    const device = newDevice();
    const errors: unknown[] = [];
    let connected = false;
    const connection = createRelayConnection({
      url: relay.url,
      device: device.key,
      sign: device.sign,
      onStatus: () => undefined,
      onConnected: () => {
        connected = true;
      },
      onFrame: () => {
        throw new Error('a bug in the engine');
      },
      onFrameError: (error) => errors.push(error),
    });
    cleanups.push(() => connection.close());
    await waitFor('connected', () => connected);
    // Creating a group makes the relay push GROUP_CHANGED to its member: the handler throws.
    const log = new TestGroupLog();
    expect(
      (await connection.request({ type: 'groupAppend', entry: log.create(device) })).type,
    ).toBe('ok');
    await waitFor('the error reported', () => errors.length > 0);
    expect(String(errors[0])).toContain('a bug in the engine');
    expect((await connection.request({ type: 'listGroups' })).type).toBe('groupList');
    expect(connection.status()).toBe('connected');
  });
});
