// The browser host's gatekeeping, over real sockets: token, origin, host, malformed frames.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import { createCore } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { startHost, type RunningHost } from '../../src-main/host/host-server';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(): Promise<{ host: RunningHost; token: string; origin: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Suviaz</title>');
  mkdirSync(join(dir, 'vault'));
  const core = await createCore({ dataDir: join(dir, 'vault'), kdf: KDF_FAST_FOR_TESTS });
  host = await startHost({ core, rendererDir, port: 0 });
  const url = new URL(host.url);
  return { host, token: url.hash.replace('#token=', ''), origin: url.origin };
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('browser host', () => {
  it('answers API calls from its own origin with the token', async () => {
    const { token, origin, host } = await start();
    const ws = await connect(`ws://127.0.0.1:${host.port}/api?token=${token}`, origin);
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'vault.status', args: {} }));
    expect(await nextMessage(ws)).toEqual({
      type: 'result',
      id: 7,
      outcome: { ok: true, value: { state: 'none', problem: null } },
    });
    ws.close();
  });

  it('refuses a wrong token, a foreign origin and another path', async () => {
    const { token, origin, host } = await start();
    const base = `ws://127.0.0.1:${host.port}`;
    await expect(connect(`${base}/api?token=${'ab'.repeat(32)}`, origin)).rejects.toThrow('401');
    await expect(connect(`${base}/api?token=${token}`, 'http://evil.example')).rejects.toThrow(
      '403',
    );
    await expect(connect(`${base}/other?token=${token}`, origin)).rejects.toThrow('403');
  });

  it('takes a call as large as the largest ICS import the calendar accepts', async () => {
    const { token, origin, host } = await start();
    const ws = await connect(`ws://127.0.0.1:${host.port}/api?token=${token}`, origin);
    // A file of line breaks: each becomes two characters in JSON.
    const text = 'BEGIN:VCALENDAR\r\n'.padEnd(CALENDAR_LIMITS.icsMaxBytes, '\n');
    const args = { spaceId: 'ab'.repeat(16), text, orgId: null, visibility: 'coalition' };
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'calendar.importIcs', args }));
    // Answered (the vault is locked), not closed for its size.
    expect(await nextMessage(ws)).toMatchObject({
      id: 3,
      outcome: { ok: false, error: { code: 'locked' } },
    });
    ws.close();
  });

  it('closes the socket on a malformed frame and keeps serving others', async () => {
    const { token, origin, host } = await start();
    const url = `ws://127.0.0.1:${host.port}/api?token=${token}`;
    const bad = await connect(url, origin);
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send('{"type":"call","id":"x"');
    expect(await closed).toBe(1003);
    const good = await connect(url, origin);
    good.send(
      JSON.stringify({ type: 'call', id: 1, method: 'notes.list', args: { view: 'active' } }),
    );
    expect(await nextMessage(good)).toMatchObject({
      outcome: { ok: false, error: { code: 'locked' } },
    });
    good.close();
  });

  it('serves the renderer only to requests naming this host, with the CSP', async () => {
    const { origin } = await start();
    const ok = await fetch(`${origin}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    const traversal = await fetch(`${origin}/..%2fvault%2fsuviaz.key`);
    expect(traversal.status).toBe(404);
  });
});
