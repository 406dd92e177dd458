// The network addresses this computer can host a local relay on, from os.networkInterfaces(), and
// how an address and port are written in a ws:// URL and in the relay's accepted AUTH host.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { LanInterface } from '../../../src-shared/api';

type RawInterfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * IPv6 link-local addresses (fe80::/10) are left out: they only work with a zone id (%eth0),
 * which ws:// URLs and other devices' settings cannot carry portably.
 */
function isLinkLocalV6(address: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

/**
 * The addresses to offer: every IPv4 and IPv6 address of a network interface, without link-local
 * IPv6; loopback ones too (useful on one machine and in tests) but listed last, since only this
 * computer can reach them. Other devices' addresses come first, IPv4 before IPv6, then by name.
 */
export function lanInterfaces(raw: RawInterfaces): LanInterface[] {
  const found: LanInterface[] = [];
  const seen = new Set<string>();
  for (const [name, infos] of Object.entries(raw)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported the family as a number; later versions as 'IPv4' / 'IPv6'.
      const family: unknown = info.family;
      const v =
        family === 'IPv4' || family === 4
          ? 'IPv4'
          : family === 'IPv6' || family === 6
            ? 'IPv6'
            : null;
      if (v === null) continue;
      const address = info.address.toLowerCase();
      if (v === 'IPv6' && isLinkLocalV6(address)) continue;
      if (seen.has(address)) continue;
      seen.add(address);
      found.push({ name, address, family: v, internal: info.internal });
    }
  }
  const rank = (i: LanInterface): number => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return found.sort(
    (a, b) =>
      rank(a) - rank(b) || a.name.localeCompare(b.name) || a.address.localeCompare(b.address),
  );
}

/** This computer's addresses now; none when the system refuses to list them (some sandboxes). */
export function currentInterfaces(): LanInterface[] {
  try {
    return lanInterfaces(networkInterfaces());
  } catch {
    return [];
  }
}

/** The interface that has this address, if it is one of the machine's (case-insensitive for IPv6). */
export function findInterface(
  interfaces: readonly LanInterface[],
  address: string,
): LanInterface | undefined {
  const wanted = address.toLowerCase();
  return interfaces.find((i) => i.address === wanted);
}

/** `address:port` as it appears in a URL and in AUTH: IPv6 in brackets. */
export function hostPort(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address}:${port}`;
}

export function relayUrlFor(address: string, port: number): string {
  return `ws://${hostPort(address, port)}`;
}
