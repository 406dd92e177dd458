// The browser host's bridge: the same API contract (api.ts) carried as JSON over one WebSocket on
// 127.0.0.1. The page learns the per-run token from the URL fragment (never sent in HTTP requests)
// and passes it when it opens the socket.
import { z } from 'zod';
import { CALENDAR_LIMITS } from './calendar/calendar-limits';

/** Path of the host's WebSocket endpoint; the token goes in the `token` query parameter. */
export const HOST_API_PATH = '/api';
/** URL fragment key the host prints: http://127.0.0.1:PORT/#token=HEX */
export const HOST_TOKEN_FRAGMENT_KEY = 'token';
/**
 * The largest call the page may send: an ICS import's text whole (`calendar.importIcs`), which JSON
 * may make up to twice as long (every line break escaped), with room for the rest of the call.
 */
export const HOST_MAX_FRAME_BYTES = 2 * CALENDAR_LIMITS.icsMaxBytes + 1024 * 1024;

export const HostRequest = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: z.string().max(100),
    args: z.unknown(),
  })
  .strict();
export type HostRequest = z.infer<typeof HostRequest>;

export type HostMessage =
  | { type: 'result'; id: number; outcome: unknown }
  | { type: 'event'; event: string; payload: unknown };
