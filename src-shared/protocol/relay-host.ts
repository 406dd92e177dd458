// The relay's identity in AUTH (docs/protocol.md §2 Session): the normalised `host[:port]` the client
// dialed, signed with the challenge so that a relay cannot pass its challenge to another relay and
// log in there as the client. Client and relay normalise with these same functions.

/** Longest host accepted (a DNS name is at most 253 characters; the port and brackets fit). */
const MAX_HOST_CHARS = 300;

/**
 * The relay host of a ws:// or wss:// URL: lowercase (IDNA to ASCII), IPv6 in brackets, with
 * `:port` unless it is the scheme's default (80 for ws, 443 for wss). Throws on any other URL.
 */
export function relayHostOfUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new Error(`a relay address starts with ws:// or wss://, not ${parsed.protocol}//`);
  }
  if (!parsed.host || parsed.host.length > MAX_HOST_CHARS) {
    throw new Error('a relay address needs a host');
  }
  return parsed.host;
}

/**
 * The relay hosts a `host[:port]` (an HTTP Host header, or a configured public host; a ws:// or
 * wss:// URL is taken too) can stand for, normalised as relayHostOfUrl does. Without the scheme
 * the default port is unknown: "example.org:443" is "example.org" over wss and "example.org:443"
 * over ws, so both are returned. Empty when it is not a plain host (path, user, spaces).
 */
export function relayHostForms(host: string): string[] {
  const text = host.trim();
  if (text.length === 0 || text.length > MAX_HOST_CHARS) return [];
  try {
    if (/^wss?:\/\//i.test(text)) return [relayHostOfUrl(text)];
    if (/[/?#@\\\s]/.test(text)) return [];
    return [...new Set([relayHostOfUrl(`ws://${text}`), relayHostOfUrl(`wss://${text}`)])];
  } catch {
    return [];
  }
}

/**
 * An address on the Tor network (ws[s]://….onion[:port][/path]): only Tor can reach it, and dialing
 * it directly would ask the local DNS resolver for its name, on a network that may be watched.
 */
export function isOnionAddress(url: string): boolean {
  const match = /^wss?:\/\/([^/:?#\s]+)/i.exec(url.trim());
  return match !== null && /\.onion\.?$/i.test(match[1] ?? '');
}
