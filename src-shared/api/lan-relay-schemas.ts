// The local-network relay's part of the API contract (src-shared/api.ts registers the methods): the
// addresses it can listen on and whether it runs (docs/network.md).
import { z } from 'zod';

/** A network address of this computer that a relay for the local network can listen on. */
export const LanInterface = z.object({
  /** The system's name for the interface, e.g. "eth0", "Wi-Fi", "en0". */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** Loopback: only this computer can reach it. */
  internal: z.boolean(),
});
/** The relay this app hosts for the local network (Settings → "Host a relay on this computer"). */
export const LanRelayStatus = z.discriminatedUnion('running', [
  z.object({ running: z.literal(false) }),
  z.object({
    running: z.literal(true),
    /** The interface's name and address it listens on, and the port. */
    name: z.string(),
    address: z.string(),
    port: z.number().int(),
    /** What other devices enter as their relay, e.g. ws://192.168.1.20:8787. */
    url: z.string(),
    /** The relay identity's fingerprint, to pin: on plain ws:// it is what tells it from a look-alike. */
    fingerprint: z.string(),
    /** The relay's identity key (base64url), for the QR code: scanned, it is pinned at once. */
    relayKey: z.string(),
    startedAt: z.number(),
  }),
]);

export type LanInterface = z.infer<typeof LanInterface>;
export type LanRelayStatus = z.infer<typeof LanRelayStatus>;
