// The sync part of the API contract (src-shared/api.ts registers the methods and events): the
// connection to the relay, what it detected, shared documents' updates and presence.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { DeviceKey, DocId } from './spaces-schemas';

/** Yjs updates cross the API as base64 (the browser host bridge is JSON): V2, but V1 from the renderer's edits. */
export const YjsUpdate = z.base64().max(LIMITS.yjsUpdateMaxBase64Chars);

export const SyncWarning = z.object({
  docId: DocId.nullable(),
  /** What the client detected, e.g. 'tampered', 'replayed', 'gap', 'rolled-back'. */
  reason: z.string(),
  at: z.number(),
  /** The member whose message caused it (a bad update, a log ahead), when one did. */
  deviceKey: DeviceKey.nullable(),
  /** That member's name as this device knows it; null when unknown (the UI says "a member"). */
  member: z.string().nullable(),
});
export const SyncState = z.object({
  connection: z.enum(['connected', 'connecting', 'offline', 'disabled']),
  /** How the relay is reached, so the UI can say "via Tor". */
  via: z.enum(['direct', 'tor', 'socks5']),
  /**
   * Why the last attempt failed when a proxy is set: the proxy itself did not answer (is Tor
   * running?), or it answered but could not reach the relay. Null when connected or direct.
   */
  problem: z
    .enum([
      'proxy-unreachable',
      'proxy-refused',
      /**
       * The relay presented another identity key than the one pinned for its address, with no
       * rotation signed by the pinned key: refused before AUTH (an interception, or a replaced relay).
       */
      'relay-key-changed',
      /** The relay's CHALLENGE is not signed by the key it presents: refused before AUTH. */
      'relay-signature-invalid',
      /** An .onion relay with no Tor set: not dialed (its name would go to the local DNS). */
      'onion-needs-tor',
    ])
    .nullable(),
  /** Local edits not yet acknowledged by the relay. */
  pending: z.number().int(),
  warnings: z.array(SyncWarning),
});

export const Cursor = z.object({ anchor: z.base64().max(2000), head: z.base64().max(2000) });
export const PresencePeer = z.object({
  deviceKey: z.string(),
  name: z.string(),
  cursor: Cursor.nullable(),
});

export type SyncState = z.infer<typeof SyncState>;
export type PresencePeer = z.infer<typeof PresencePeer>;
