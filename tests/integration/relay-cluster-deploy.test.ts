// The deployment example of docs/deploy.md, run as far as a test can: two relay instances started
// the way docs/deploy/suviaz-relay@.service starts them (its ExecStart, WorkingDirectory and
// environment files), with only what is machine-specific replaced (database, NATS, port, data
// directory), against a throwaway PostgreSQL and NATS. Both come up healthy with one identity and
// pass a message from one to the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { relayNodeFlags } from '../support/relay-node-flags';
import { IDENTITY_FILE } from '../../server/relay-identity';
import { natsAvailable, startNats, type NatsInstance } from '../support/nats-instance';
import { postgresAvailable } from '../support/pg-instance';
import { freshPgDatabase, postgresPerFile } from '../support/relay-stores';
import { newDevice, RelayTestClient, TestDoc, TestGroupLog } from '../support/relay-test-client';

const DEPLOY = resolve('docs/deploy');
const postgres = postgresPerFile();
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** key=value lines of a systemd unit or environment file, `#` comments skipped; repeated keys kept. */
function entries(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('[') && line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
}

interface Unit {
  workingDirectory: string;
  execStart: string[];
  environmentFiles: string[];
}

function readUnit(): Unit {
  const unit = entries(readFileSync(join(DEPLOY, 'suviaz-relay@.service'), 'utf8'));
  const value = (key: string) => unit.find(([k]) => k === key)?.[1] ?? '';
  return {
    workingDirectory: value('WorkingDirectory'),
    execStart: value('ExecStart').split(/\s+/),
    environmentFiles: unit.filter(([k]) => k === 'EnvironmentFile').map(([, v]) => v),
  };
}

/** The environment the unit gives instance `i`: its files, read from docs/deploy/. */
function unitEnvironment(unit: Unit, instance: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const file of unit.environmentFiles) {
    const name = file.replace('%i', String(instance)).split('/').at(-1) ?? '';
    for (const [key, value] of entries(readFileSync(join(DEPLOY, name), 'utf8'))) env[key] = value;
  }
  return env;
}

async function startInstance(
  unit: Unit,
  instance: number,
  overrides: Record<string, string>,
): Promise<{ url: string; output: () => string }> {
  const env = { ...unitEnvironment(unit, instance), ...overrides };
  delete env.PGPASSFILE; // The test server trusts local connections.
  const [program, ...args] = unit.execStart;
  const root = process.cwd();
  const child: ChildProcess = spawn((program ?? '').replace(unit.workingDirectory, root), args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    child.kill('SIGTERM');
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${instance}:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The fingerprint line comes right after the address: wait for both.
      const match = /listening on (ws:\/\/\S+)[^]*fingerprint: .+\n/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`instance ${instance} exited ${code}:\n${output}`)),
    );
  });
  return { url, output: () => output };
}

describe.skipIf(!postgresAvailable() || !natsAvailable())('the systemd example', () => {
  it('starts two healthy relays of one identity that pass messages to each other', async () => {
    const unit = readUnit();
    expect(unit.execStart.slice(1)).toEqual([
      ...relayNodeFlags(),
      '--import',
      'tsx',
      'server/main.ts',
    ]);
    expect(unitEnvironment(unit, 2)).toMatchObject({
      SUVIAZ_RELAY_STORE: expect.stringMatching(/^postgres:\/\//),
      SUVIAZ_RELAY_FANOUT: expect.stringMatching(/^nats:\/\//),
      SUVIAZ_RELAY_PORT: '8702',
    });
    const storeUrl = await freshPgDatabase(await postgres());
    const nats: NatsInstance = await startNats();
    cleanups.push(() => nats.stop());
    const dirs = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'suviaz-deploy-')));
    cleanups.push(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const machineSpecific = (i: number) => ({
      SUVIAZ_RELAY_STORE: storeUrl,
      SUVIAZ_RELAY_FANOUT: nats.url,
      SUVIAZ_RELAY_PORT: '0',
      SUVIAZ_RELAY_DATA_DIR: dirs[i - 1] as string,
    });
    const first = await startInstance(unit, 1, machineSpecific(1));
    // As docs/deploy.md says: the first instance's key, copied to the second.
    copyFileSync(join(dirs[0] as string, IDENTITY_FILE), join(dirs[1] as string, IDENTITY_FILE));
    const second = await startInstance(unit, 2, machineSpecific(2));
    const fingerprint = (output: string) => /fingerprint: (.+)/.exec(output)?.[1];
    expect(fingerprint(second.output())).toBe(fingerprint(first.output()));
    for (const { url } of [first, second]) {
      const health = await fetch(url.replace('ws:', 'http:') + '/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'ok', fanout: 'ok' });
    }

    // Clients sign the public host of relay.env, as they would behind the balancer.
    const signHost = unitEnvironment(unit, 1).SUVIAZ_RELAY_PUBLIC_HOSTS;
    const admin = newDevice();
    const writer = await RelayTestClient.connect(first.url, admin, { signHost });
    const reader = await RelayTestClient.connect(second.url, admin, { signHost });
    cleanups.push(
      () => writer.close(),
      () => reader.close(),
    );
    const log = new TestGroupLog();
    expect((await writer.request({ type: 'groupAppend', entry: log.create(admin) })).type).toBe(
      'ok',
    );
    const doc = new TestDoc(log);
    const snapshot = doc.snapshot(admin);
    expect((await writer.request({ type: 'publish', envelope: snapshot.bytes })).type).toBe('ack');
    doc.commitSnapshot(snapshot);
    await reader.subscribeAndCatchUp(log.groupId, doc.docId);
    const update = doc.update(admin);
    expect(await writer.request({ type: 'publish', envelope: update.bytes })).toMatchObject({
      type: 'ack',
      seq: 2,
    });
    expect(await reader.next('deliver', 10_000)).toMatchObject({ seq: 2, envelope: update.bytes });
  });
});
