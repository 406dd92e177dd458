// An operator who starts the relay without --public-host is warned: logins are then checked against
// each connection's own Host header, which another relay passing on our challenge can name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';

let relay: RelayProcess | null = null;
afterEach(async () => {
  await relay?.stop('SIGTERM');
  relay = null;
});

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'suviaz-relay-'));

describe('the relay started without --public-host', () => {
  it('warns, and says nothing once the public host is given', async () => {
    relay = await startRelayProcess(dataDir());
    expect(relay.output()).toMatch(/warning: no --public-host/);
    await relay.stop('SIGTERM');
    relay = await startRelayProcess(dataDir(), ['--public-host', 'relay.example.org']);
    expect(relay.output()).toMatch(/listening on/);
    expect(relay.output()).not.toMatch(/warning: no --public-host/);
  });
});
