// Reaching the relay through Tor or another SOCKS5 proxy: the agent every WebSocket to the relay
// uses, with host names resolved by the proxy (socks5h), so no DNS query for the relay leaves the
// machine and .onion addresses work; and what a failed attempt says about the proxy.
import { SocksProxyAgent } from 'socks-proxy-agent';
import type { Agent } from 'node:http';
import type { ProxySetting } from '../../../src-shared/api';

export type Proxy = ProxySetting;
export type Via = 'direct' | 'tor' | 'socks5';
export type ProxyProblem = 'proxy-unreachable' | 'proxy-refused';

export function proxyAddress(proxy: Proxy): { host: string; port: number } | null {
  if (proxy.kind === 'tor') return { host: '127.0.0.1', port: proxy.port };
  if (proxy.kind === 'socks5') return { host: proxy.host, port: proxy.port };
  return null;
}

/** The agent for a WebSocket to the relay, or undefined for a direct connection. */
export function proxyAgent(proxy: Proxy): Agent | undefined {
  const address = proxyAddress(proxy);
  if (!address) return undefined;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  // socks5h: the proxy resolves the relay's name; socks5 would resolve it here, over plain DNS.
  return new SocksProxyAgent(`socks5h://${host}:${address.port}`);
}

export function viaOf(proxy: Proxy): Via {
  return proxy.kind === 'none' ? 'direct' : proxy.kind;
}

/**
 * A connection error through a proxy: the proxy itself did not answer (not running, wrong port),
 * or it answered and refused or failed to reach the relay.
 */
export function proxyProblem(proxy: Proxy, error: unknown): ProxyProblem | null {
  const address = proxyAddress(proxy);
  if (!address) return null;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
  // The SOCKS client reports a failed connection to the proxy itself with the socket's error
  // (connect ECONNREFUSED 127.0.0.1:9050); a proxy that answered and could not reach the relay
  // says "Socks5 proxy rejected connection - …".
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ENOTFOUND|ECONNRESET/.test(text)) {
    return 'proxy-unreachable';
  }
  return 'proxy-refused';
}
