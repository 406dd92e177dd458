// The pure parts of "Host a relay on this computer": which address to offer first, how the offered
// addresses are grouped, the port as typed, and the text the QR code holds.
import type { LanInterface } from '../../src-shared/api';

/** The port the form proposes: the relay's own default (server/config.ts). */
export const DEFAULT_LAN_PORT = 8787;

/** The port typed: 0 (any free one) or 1024–65535, the ports an app may take without privileges. */
export function parseLanPort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port === 0 || (port >= 1024 && port <= 65535) ? port : null;
}

/**
 * Addresses other devices can reach, then those of this computer only (loopback), each list in
 * the order main gave (IPv4 first): the form offers them as two groups.
 */
export function groupInterfaces(list: readonly LanInterface[]): {
  reachable: LanInterface[];
  local: LanInterface[];
} {
  return {
    reachable: list.filter((i) => !i.internal),
    local: list.filter((i) => i.internal),
  };
}

/** What the form selects at first: the first address other devices can reach, else loopback. */
export function defaultAddress(list: readonly LanInterface[]): string {
  return (list.find((i) => !i.internal && i.family === 'IPv4') ?? list[0])?.address ?? '';
}

/** The chosen address while the machine still has it; otherwise the default one. */
export function keptAddress(list: readonly LanInterface[], chosen: string): string {
  return list.some((i) => i.address === chosen) ? chosen : defaultAddress(list);
}

/** How an address is offered: the system's name for its interface, then the address. */
export function interfaceLabel(i: LanInterface): string {
  return `${i.name} — ${i.address}`;
}

/**
 * The QR code's text: the relay's address with its identity key (base64url) in the fragment: one
 * scan gives both, the relay setting pins the key and dials the address alone, and a fragment is
 * never sent over the network. The fingerprint beside it is for people to compare by eye.
 */
export function lanRelayQrText(url: string, relayKey: string): string {
  return `${url}#${relayKey}`;
}
