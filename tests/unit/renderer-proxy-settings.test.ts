// The "Connection" choice in Settings: what the host and port fields accept, the warning for an
// .onion address with a direct connection, and what goes to relay.check and settings.update (the
// check goes through the chosen proxy; the address and the connection are stored together).
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ProxySetting as ProxySchema, type CallOutcome } from '../../src-shared/api';
import {
  draftFromSetting,
  hostProblem,
  isOnionAddress,
  normalizeHost,
  onionNeedsTor,
  parsePort,
  parseProxyDraft,
  portProblem,
  sameProxy,
  type ProxySetting,
} from '../../src-renderer/settings/proxy-form';
import {
  RelaySaveFlow,
  relayFlowStep,
  type RelayCheckResult,
  type RelayFlowState,
} from '../../src-renderer/settings/relay-save-flow';
import { canRecheck, relayStatusText } from '../../src-renderer/settings/relay-status-text';

const RELAY = 'wss://relay.example.org';
const ONION = 'wss://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion/sync';
const TOR: ProxySetting = { kind: 'tor', port: 9050 };
const TOR_BROWSER: ProxySetting = { kind: 'tor', port: 9150 };
const DIRECT: ProxySetting = { kind: 'none' };
const valid = (value: string) => value === '' || /^wss?:\/\/\S+$/.test(value);

describe('the proxy host and port', () => {
  it('accepts host names and IPv4 and IPv6 addresses', () => {
    for (const host of ['localhost', 'proxy.example.org', 'my-proxy', '127.0.0.1', '10.0.0.254']) {
      expect(normalizeHost(host), host).toBe(host);
    }
    expect(normalizeHost('  proxy.example.org ')).toBe('proxy.example.org');
    expect(normalizeHost('::1')).toBe('::1');
    expect(normalizeHost('[::1]')).toBe('::1');
    expect(normalizeHost('2001:db8::8a2e:370:7334')).toBe('2001:db8::8a2e:370:7334');
    expect(normalizeHost('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
  });

  it('refuses what is not a host, and says whether it is empty or wrong', () => {
    for (const host of [
      'socks5://127.0.0.1',
      '127.0.0.1:9050',
      'two words',
      '256.1.1.1',
      '1.2.3',
      '-bad.example',
      'bad-.example',
      'a..b',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '[proxy.example.org]',
      `${'a'.repeat(64)}.example`,
    ]) {
      expect(normalizeHost(host), host).toBeNull();
      expect(hostProblem(host), host).toBe('invalid');
    }
    expect(hostProblem('  ')).toBe('empty');
    expect(hostProblem('proxy.example.org')).toBeNull();
  });

  it('takes whole port numbers from 1 to 65535', () => {
    expect(parsePort('1')).toBe(1);
    expect(parsePort(' 1080 ')).toBe(1080);
    expect(parsePort('65535')).toBe(65535);
    for (const port of ['0', '65536', '-1', '10.5', '1e3', 'abc', '123456']) {
      expect(parsePort(port), port).toBeNull();
      expect(portProblem(port), port).toBe('invalid');
    }
    expect(portProblem('')).toBe('empty');
  });

  it('gives only settings the API schema accepts', () => {
    const drafts = [
      { choice: 'none', host: 'ignored', port: 'x' },
      { choice: 'tor', host: '', port: '' },
      { choice: 'tor-browser', host: '', port: '' },
      { choice: 'socks5', host: '[::1]', port: '1080' },
      { choice: 'socks5', host: 'proxy.example.org', port: '9050' },
    ] as const;
    for (const draft of drafts) {
      const parsed = parseProxyDraft(draft);
      expect(parsed.ok, draft.choice).toBe(true);
      if (parsed.ok) expect(ProxySchema.safeParse(parsed.proxy).success).toBe(true);
    }
  });
});

describe('the connection draft', () => {
  it('turns each choice into the setting main stores', () => {
    expect(parseProxyDraft({ choice: 'none', host: '', port: '' })).toEqual({
      ok: true,
      proxy: DIRECT,
    });
    expect(parseProxyDraft({ choice: 'tor', host: '', port: '' })).toEqual({
      ok: true,
      proxy: TOR,
    });
    expect(parseProxyDraft({ choice: 'tor-browser', host: '', port: '' })).toEqual({
      ok: true,
      proxy: TOR_BROWSER,
    });
    expect(parseProxyDraft({ choice: 'socks5', host: ' 10.0.0.2 ', port: '1080' })).toEqual({
      ok: true,
      proxy: { kind: 'socks5', host: '10.0.0.2', port: 1080 },
    });
  });

  it('names each wrong field of a SOCKS5 proxy', () => {
    expect(parseProxyDraft({ choice: 'socks5', host: '', port: '' })).toEqual({
      ok: false,
      host: 'empty',
      port: 'empty',
    });
    expect(parseProxyDraft({ choice: 'socks5', host: 'proxy.example.org', port: '0' })).toEqual({
      ok: false,
      host: null,
      port: 'invalid',
    });
    expect(parseProxyDraft({ choice: 'socks5', host: 'a b', port: '1080' })).toEqual({
      ok: false,
      host: 'invalid',
      port: null,
    });
  });

  it('shows a stored setting as it was chosen, and back', () => {
    for (const proxy of [
      DIRECT,
      TOR,
      TOR_BROWSER,
      { kind: 'socks5', host: 'proxy.example.org', port: 1080 },
    ] as const) {
      expect(parseProxyDraft(draftFromSetting(proxy))).toEqual({ ok: true, proxy });
    }
    expect(draftFromSetting(TOR_BROWSER).choice).toBe('tor-browser');
  });

  it('compares settings by what they reach', () => {
    expect(sameProxy(TOR, { kind: 'tor', port: 9050 })).toBe(true);
    expect(sameProxy(TOR, TOR_BROWSER)).toBe(false);
    expect(sameProxy(DIRECT, TOR)).toBe(false);
    expect(
      sameProxy(
        { kind: 'socks5', host: 'Proxy.example.org', port: 1080 },
        { kind: 'socks5', host: 'proxy.example.org', port: 1080 },
      ),
    ).toBe(true);
    expect(
      sameProxy({ kind: 'socks5', host: 'a', port: 1 }, { kind: 'socks5', host: 'a', port: 2 }),
    ).toBe(false);
  });
});

describe('onion addresses', () => {
  it('are recognised by their host, whatever follows', () => {
    expect(isOnionAddress(ONION)).toBe(true);
    expect(isOnionAddress('ws://example.onion:8080')).toBe(true);
    expect(isOnionAddress('WSS://EXAMPLE.ONION')).toBe(true);
    expect(isOnionAddress(RELAY)).toBe(false);
    expect(isOnionAddress('wss://relay.example.org/x.onion')).toBe(false);
    expect(isOnionAddress('wss://onion.example.org')).toBe(false);
    expect(isOnionAddress('')).toBe(false);
  });

  it('need Tor only when the connection is direct', () => {
    expect(onionNeedsTor(ONION, DIRECT)).toBe(true);
    expect(onionNeedsTor(ONION, TOR)).toBe(false);
    expect(onionNeedsTor(ONION, TOR_BROWSER)).toBe(false);
    // Another SOCKS5 proxy may well be Tor on another machine.
    expect(onionNeedsTor(ONION, { kind: 'socks5', host: '10.152.152.10', port: 9050 })).toBe(false);
    expect(onionNeedsTor(RELAY, DIRECT)).toBe(false);
  });

  it('stop the save with a warning instead of a check, until "Save anyway"', () => {
    const step = relayFlowStep({ kind: 'changed', url: ONION }, { type: 'commit', needsTor: true });
    expect(step).toEqual({
      state: { kind: 'problem', url: ONION, problem: 'onion-needs-tor', detail: '' },
      effect: null,
    });
    expect(canRecheck('onion-needs-tor')).toBe(false);
    expect(relayFlowStep(step.state, { type: 'saveAnyway' }).effect).toEqual({
      kind: 'save',
      url: ONION,
    });
  });
});

interface Call {
  url: string;
  proxy: ProxySetting;
}

/** A flow over fake calls that records what went to relay.check and settings.update. */
function harness(
  checkResult: RelayCheckResult,
  stored = '',
  storedProxy: ProxySetting = DIRECT,
  matchesPin: boolean | null = null,
) {
  const checks: Call[] = [];
  const saves: Call[] = [];
  const states: RelayFlowState[] = [];
  const flow = new RelaySaveFlow({
    check: (url, proxy) => {
      checks.push({ url, proxy });
      return Promise.resolve<
        CallOutcome<{ result: RelayCheckResult; detail: string; matchesPin: boolean | null }>
      >({
        ok: true,
        value: { result: checkResult, detail: 'why', matchesPin },
      });
    },
    save: (url, proxy) => {
      saves.push({ url, proxy });
      return Promise.resolve<CallOutcome<unknown>>({ ok: true, value: null });
    },
    isValid: valid,
    onChange: (state) => states.push(state),
  });
  flow.load(stored, storedProxy);
  return { flow, checks, saves, states };
}

describe('a relay that answers with another key', () => {
  it('is not saved: the check says the key differs from the pinned one', async () => {
    const { flow, saves } = harness('ok', '', DIRECT, false);
    flow.type(RELAY);
    flow.commit();
    await flow.settled();
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'key-mismatch' });
    expect(saves).toEqual([]);
  });
});

describe('saving the relay with a connection', () => {
  it('checks the relay through the chosen proxy, then stores both together', async () => {
    const { flow, checks, saves } = harness('ok');
    flow.type(RELAY);
    flow.setProxy(TOR_BROWSER);
    flow.commit();
    await flow.settled();
    expect(checks).toEqual([{ url: RELAY, proxy: TOR_BROWSER }]);
    expect(saves).toEqual([{ url: RELAY, proxy: TOR_BROWSER }]);
    expect(flow.state).toEqual({ kind: 'saved' });
  });

  it('checks and saves a changed connection for the same address', async () => {
    const { flow, checks, saves } = harness('ok', RELAY, DIRECT);
    flow.setProxy(TOR);
    expect(flow.state).toEqual({ kind: 'changed', url: RELAY });
    await expect(flow.beforeClose()).resolves.toBe(true);
    expect(checks).toEqual([{ url: RELAY, proxy: TOR }]);
    expect(saves).toEqual([{ url: RELAY, proxy: TOR }]);
    // Choosing it again is nothing to save.
    flow.setProxy({ kind: 'tor', port: 9050 });
    expect(flow.state).toEqual({ kind: 'idle' });
  });

  it('saves a connection with no relay set without checking', async () => {
    const { flow, checks, saves } = harness('ok');
    flow.setProxy({ kind: 'socks5', host: '127.0.0.1', port: 1080 });
    flow.commit();
    await flow.settled();
    expect(checks).toEqual([]);
    expect(saves).toEqual([{ url: '', proxy: { kind: 'socks5', host: '127.0.0.1', port: 1080 } }]);
  });

  it('stores nothing while the proxy host or port is wrong', async () => {
    const { flow, checks, saves } = harness('ok', RELAY);
    flow.setProxy(null);
    expect(flow.state).toEqual({ kind: 'invalid' });
    await expect(flow.beforeClose()).resolves.toBe(true);
    expect(checks).toEqual([]);
    expect(saves).toEqual([]);
  });

  it('says Tor may not be running when the relay is unreachable through Tor', async () => {
    const { flow, saves } = harness('unreachable', RELAY);
    flow.setProxy(TOR);
    await expect(flow.beforeClose()).resolves.toBe(false);
    expect(flow.state).toEqual({
      kind: 'problem',
      url: RELAY,
      problem: 'tor-unreachable',
      detail: 'why',
    });
    expect(saves).toEqual([]);
  });

  it('says the proxy did not pass the relay on when unreachable through SOCKS5', async () => {
    const { flow } = harness('unreachable', RELAY);
    flow.setProxy({ kind: 'socks5', host: 'proxy.example.org', port: 1080 });
    flow.commit();
    await flow.settled();
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'proxy-unreachable' });
  });

  it('keeps "unreachable" as it was for a direct connection', async () => {
    const { flow } = harness('unreachable');
    flow.type(RELAY);
    flow.commit();
    await flow.settled();
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'unreachable' });
  });

  it('never tries an onion address directly, and checks it once Tor is chosen', async () => {
    const { flow, checks, saves } = harness('ok');
    flow.type(ONION);
    await expect(flow.beforeClose()).resolves.toBe(false);
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'onion-needs-tor' });
    expect(checks).toEqual([]);
    flow.setProxy(TOR);
    flow.commit();
    await flow.settled();
    expect(checks).toEqual([{ url: ONION, proxy: TOR }]);
    expect(saves).toEqual([{ url: ONION, proxy: TOR }]);
  });

  it('warns when the connection of a stored onion address is switched to direct', async () => {
    const { flow, checks, saves } = harness('ok', ONION, TOR);
    flow.setProxy(DIRECT);
    flow.commit();
    await flow.settled();
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'onion-needs-tor' });
    expect(checks).toEqual([]);
    expect(saves).toEqual([]);
    flow.saveAnyway();
    await flow.settled();
    expect(saves).toEqual([{ url: ONION, proxy: DIRECT }]);
  });

  it('uses only the answer of the latest check', async () => {
    const answers: ((value: CallOutcome<{ result: RelayCheckResult; detail: string }>) => void)[] =
      [];
    const saves: Call[] = [];
    const flow = new RelaySaveFlow({
      check: () => new Promise((resolve) => answers.push(resolve)),
      save: (url, proxy) => {
        saves.push({ url, proxy });
        return Promise.resolve<CallOutcome<unknown>>({ ok: true, value: null });
      },
      isValid: valid,
      onChange: () => undefined,
    });
    flow.load(RELAY, DIRECT);
    flow.setProxy(TOR);
    flow.commit();
    flow.setProxy(DIRECT);
    flow.setProxy(TOR_BROWSER);
    flow.commit();
    answers[0]?.({ ok: true, value: { result: 'ok', detail: '' } });
    await Promise.resolve();
    expect(flow.state).toEqual({ kind: 'checking', url: RELAY });
    answers[1]?.({ ok: true, value: { result: 'ok', detail: '' } });
    await flow.settled();
    expect(saves).toEqual([{ url: RELAY, proxy: TOR_BROWSER }]);
  });
});

describe('what the relay field says about the connection', () => {
  const t = ((key: string, options?: Record<string, unknown>) =>
    options ? `${key}:${JSON.stringify(options)}` : key) as unknown as TFunction;

  it('asks to start Tor when the relay is unreachable through Tor', () => {
    const text = relayStatusText(
      t,
      { kind: 'problem', url: RELAY, problem: 'tor-unreachable', detail: '' },
      'bad',
    );
    expect(text.problem).toEqual({
      title: 'settings.relayTorUnreachableTitle',
      text: 'settings.relayTorUnreachableText',
      detail: '',
    });
    expect(canRecheck('tor-unreachable')).toBe(true);
  });

  it('says an onion address needs Tor, naming .onion as written', () => {
    const text = relayStatusText(
      t,
      { kind: 'problem', url: ONION, problem: 'onion-needs-tor', detail: '' },
      'bad',
    );
    expect(text.problem?.title).toBe('settings.relayOnionTitle');
    expect(text.problem?.text).toContain('".onion"');
  });
});
