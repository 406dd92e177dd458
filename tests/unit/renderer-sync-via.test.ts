// The space's sync line says how it connects (through Tor, through a proxy) and, when the proxy is
// what failed, which one and what to do; every key it can give is in every catalogue.
import { describe, expect, it } from 'vitest';
import { be } from '../../src-renderer/i18n/locales/be';
import { en } from '../../src-renderer/i18n/locales/en';
import { ru } from '../../src-renderer/i18n/locales/ru';
import { uk } from '../../src-renderer/i18n/locales/uk';
import { SETTINGS_LINES, syncLine } from '../../src-renderer/spaces/sync-status-text';

describe('the sync line through a proxy', () => {
  it('says connected via Tor or via proxy, and stays as it was for a direct connection', () => {
    expect(syncLine('active', 'connected', 0, 'direct', null)).toEqual({
      key: 'sync.connected',
      tone: 'connected',
    });
    expect(syncLine('active', 'connected', 0)).toEqual({
      key: 'sync.connected',
      tone: 'connected',
    });
    expect(syncLine('active', 'connected', 0, 'tor', null)).toEqual({
      key: 'sync.connectedTor',
      tone: 'connected',
    });
    expect(syncLine('active', 'connected', 0, 'socks5', null).key).toBe('sync.connectedProxy');
    // Edits waiting still say so.
    expect(syncLine('active', 'connected', 2, 'tor', null)).toMatchObject({
      key: 'sync.syncing',
      count: 2,
    });
  });

  it('says Tor or the proxy is not reachable, and what to do', () => {
    expect(syncLine('active', 'offline', 0, 'tor', 'proxy-unreachable')).toEqual({
      key: 'sync.torUnreachable',
      tone: 'offline',
    });
    expect(syncLine('active', 'connecting', 0, 'tor', 'proxy-unreachable').key).toBe(
      'sync.torUnreachable',
    );
    expect(syncLine('active', 'offline', 0, 'socks5', 'proxy-unreachable').key).toBe(
      'sync.proxyUnreachable',
    );
    expect(syncLine('active', 'offline', 3, 'tor', 'proxy-refused').key).toBe('sync.torRefused');
    expect(syncLine('active', 'offline', 0, 'socks5', 'proxy-refused').key).toBe(
      'sync.proxyRefused',
    );
  });

  it('offers Settings for each proxy problem', () => {
    for (const key of [
      'sync.torUnreachable',
      'sync.proxyUnreachable',
      'sync.torRefused',
      'sync.proxyRefused',
      'sync.disabled',
    ] as const) {
      expect(SETTINGS_LINES).toContain(key);
    }
    expect(SETTINGS_LINES).not.toContain('sync.connectedTor');
  });

  it('keeps membership first and ignores a problem once connected or without a proxy', () => {
    expect(syncLine('removed', 'offline', 0, 'tor', 'proxy-unreachable').key).toBe('sync.removed');
    expect(syncLine('active', 'disabled', 0, 'tor', 'proxy-unreachable').key).toBe('sync.disabled');
    expect(syncLine('active', 'connected', 0, 'tor', 'proxy-refused').key).toBe(
      'sync.connectedTor',
    );
    expect(syncLine('active', 'offline', 0, 'direct', 'proxy-unreachable').key).toBe(
      'sync.offline',
    );
  });

  it('has every text in every language', () => {
    const keys = [
      'connectedTor',
      'connectedProxy',
      'torUnreachable',
      'proxyUnreachable',
      'torRefused',
      'proxyRefused',
    ] as const;
    for (const catalogue of [en, be, ru, uk]) {
      for (const key of keys) expect(catalogue.sync?.[key], key).toMatch(/\S/);
    }
    expect(en.sync.connectedTor).toBe('Connected via Tor');
    expect(en.sync.connectedProxy).toBe('Connected via proxy');
    expect(en.sync.torUnreachable).toBe('Tor is not reachable — start Tor or Tor Browser');
    expect(en.sync.torRefused).toBe('Tor could not reach the relay — check the relay address');
  });
});

describe('the new Settings texts in other languages', () => {
  /** Latin words other than Tor would show as English in the languages sweep. */
  const latinWords = (text: string) =>
    (text.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
      (word) => !['tor', 'suviaz'].includes(word.toLowerCase()),
    );

  it('use no English words (technical names come in through placeholders)', () => {
    const keys = Object.keys(en.settings).filter((key) =>
      /^(proxy|relayTor|relayProxy|relayOnion)/.test(key),
    );
    expect(keys.length).toBeGreaterThan(10);
    for (const catalogue of [be, ru, uk]) {
      for (const key of keys) {
        const text = (catalogue.settings as Record<string, string | undefined>)[key];
        expect(text, key).toBeDefined();
        expect(latinWords(text ?? ''), key).toEqual([]);
      }
    }
  });

  it('says that an .onion relay needs Tor, and offers Settings', () => {
    const line = syncLine('active', 'offline', 0, 'direct', 'onion-needs-tor');
    expect(line.key).toBe('sync.onionNeedsTor');
    expect(SETTINGS_LINES).toContain(line.key);
  });
});
