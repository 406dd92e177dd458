// The "Connection" choice next to the relay address: directly, through Tor (the tor service on port
// 9050 or Tor Browser on 9150), or through another SOCKS5 proxy. What the person picked and typed is
// a draft of text; parseProxyDraft() turns it into the ProxySetting main stores, or says which
// field is wrong and why. Pure functions, so the form's logic is testable without a bridge.
import { isOnionAddress } from '../../src-shared/protocol/relay-host';
import type { Settings } from '../../src-shared/api';

export type ProxySetting = Settings['proxy'];

/** The four choices the select offers; both Tor choices store kind 'tor', with their own port. */
export type ProxyChoice = 'none' | 'tor' | 'tor-browser' | 'socks5';
export const PROXY_CHOICES: readonly ProxyChoice[] = ['none', 'tor', 'tor-browser', 'socks5'];

export const TOR_PORT = 9050;
export const TOR_BROWSER_PORT = 9150;

export interface ProxyDraft {
  choice: ProxyChoice;
  /** The SOCKS5 proxy's host name or IP address, as typed (only used for 'socks5'). */
  host: string;
  /** The SOCKS5 proxy's port, as typed (only used for 'socks5'). */
  port: string;
}

export type HostProblem = 'empty' | 'invalid';
export type PortProblem = 'empty' | 'invalid';

export type ParsedProxy =
  | { ok: true; proxy: ProxySetting }
  | { ok: false; host: HostProblem | null; port: PortProblem | null };

export const DIRECT: ProxySetting = { kind: 'none' };

export function isProxyChoice(value: string): value is ProxyChoice {
  return (PROXY_CHOICES as readonly string[]).includes(value);
}

/** The draft that shows a stored setting. */
export function draftFromSetting(proxy: ProxySetting): ProxyDraft {
  switch (proxy.kind) {
    case 'none':
      return { choice: 'none', host: '', port: '' };
    case 'tor':
      return {
        choice: proxy.port === TOR_BROWSER_PORT ? 'tor-browser' : 'tor',
        host: '',
        port: '',
      };
    case 'socks5':
      return { choice: 'socks5', host: proxy.host, port: String(proxy.port) };
  }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function isIpv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  // An IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const last = groups.at(-1) ?? '';
  const tailIsIpv4 = last.includes('.');
  if (tailIsIpv4 && !isIpv4(last)) return false;
  const hexGroups = tailIsIpv4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = hexGroups.length + (tailIsIpv4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

function isHostName(text: string): boolean {
  if (text.length > 253) return false;
  const labels = text.split('.');
  // A name whose last label is all digits would be an IPv4 address, and a wrong one.
  if (/^\d+$/.test(labels.at(-1) ?? '')) return false;
  return labels.every((label) => LABEL.test(label));
}

/**
 * The host as main gets it: trimmed, an IPv6 address without its brackets. Null when it is neither
 * a host name nor an IP address.
 */
export function normalizeHost(text: string): string | null {
  const trimmed = text.trim();
  const bracketed = /^\[(.*)\]$/.exec(trimmed);
  if (bracketed) return isIpv6(bracketed[1] ?? '') ? (bracketed[1] ?? '') : null;
  if (isIpv4(trimmed) || isIpv6(trimmed) || isHostName(trimmed)) return trimmed;
  return null;
}

export function hostProblem(text: string): HostProblem | null {
  if (text.trim() === '') return 'empty';
  return normalizeHost(text) === null ? 'invalid' : null;
}

export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : null;
}

export function portProblem(text: string): PortProblem | null {
  if (text.trim() === '') return 'empty';
  return parsePort(text) === null ? 'invalid' : null;
}

export function parseProxyDraft(draft: ProxyDraft): ParsedProxy {
  switch (draft.choice) {
    case 'none':
      return { ok: true, proxy: DIRECT };
    case 'tor':
      return { ok: true, proxy: { kind: 'tor', port: TOR_PORT } };
    case 'tor-browser':
      return { ok: true, proxy: { kind: 'tor', port: TOR_BROWSER_PORT } };
    case 'socks5': {
      const host = normalizeHost(draft.host);
      const port = parsePort(draft.port);
      if (host === null || port === null) {
        return { ok: false, host: hostProblem(draft.host), port: portProblem(draft.port) };
      }
      return { ok: true, proxy: { kind: 'socks5', host, port } };
    }
  }
}

export function sameProxy(a: ProxySetting, b: ProxySetting): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  if (a.kind === 'tor' || b.kind === 'tor') {
    return a.kind === b.kind && a.port === b.port;
  }
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port;
}

export { isOnionAddress };

/**
 * An onion address with a direct connection: warn before saving, and never try it directly (that
 * would only ask the DNS server for a name it cannot know). A SOCKS5 proxy may well be Tor on
 * another machine, so it is trusted to know.
 */
export function onionNeedsTor(url: string, proxy: ProxySetting): boolean {
  return isOnionAddress(url) && proxy.kind === 'none';
}
