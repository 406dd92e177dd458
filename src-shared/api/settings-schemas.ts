// The settings' part of the API contract (src-shared/api.ts registers the methods): the stored
// settings, how the relay is reached, and what the shell running the core can do.
import { z } from 'zod';
import { Disguise } from '../disguise';
import { LIMITS } from '../limits';

/** A relay's address: ws:// or wss://. */
export const RelayAddress = z
  .string()
  .max(500)
  .regex(/^wss?:\/\/[^\s]+$/, 'not a ws:// or wss:// address');

/**
 * How this device reaches its relay: directly, through Tor's SOCKS port (9050 for the tor service,
 * 9150 for Tor Browser), or through any SOCKS5 proxy. Host names are resolved by the proxy, so no
 * DNS query leaves the machine.
 */
export const ProxySetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('tor'), port: z.union([z.literal(9050), z.literal(9150)]) }).strict(),
  z
    .object({
      kind: z.literal('socks5'),
      host: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[A-Za-z0-9.:[\]-]+$/, 'not a host name or address'),
      port: z.number().int().min(1).max(65535),
    })
    .strict(),
]);

export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 means never. */
  autoLockMinutes: z.number().int().min(0).max(LIMITS.autoLockMaxMinutes),
  /** The relay that shared spaces sync through (ws:// or wss://); empty: shared spaces stay offline. */
  relayUrl: z.union([z.literal(''), RelayAddress]),
  /** The name other members see next to this device's cursor. */
  displayName: z.string().trim().max(LIMITS.displayNameMaxChars),
  /** How to reach the relay: directly, through Tor, or through a SOCKS5 proxy. */
  proxy: ProxySetting,
  /** Calendar reminders name the event; off by default, so a glance at the screen tells nothing. */
  remindersShowTitle: z.boolean(),
  /** A neutral name and icon the app wears instead of its own (a copy lives outside the vault). */
  disguise: Disguise,
  /**
   * Keep the window out of screenshots, screen recordings and screen sharing (the desktop app on
   * Windows and macOS only: app.capabilities says whether it applies here). Off by default.
   */
  screenCaptureProtection: z.boolean(),
  /** The largest file a briefing may carry, in MB (default 100). */
  briefingAttachmentMaxMb: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.briefingAttachments.maxBytes / (1024 * 1024)),
  /** "New briefing" notifications name the briefing; off by default, like reminders. */
  briefingNotificationsShowTitle: z.boolean(),
});

/** What the shell running the core can do beyond the vault (the browser host has no windows or clipboard). */
export const ShellCapabilities = z.object({
  /** Quick exit can hide every window of the app. */
  hideWindows: z.boolean(),
  /** Main can write, read and clear the system clipboard (clipboard.copySensitive copies). */
  clipboard: z.boolean(),
  /** settings.screenCaptureProtection takes effect here. */
  screenCaptureProtection: z.boolean(),
});

export type Settings = z.infer<typeof Settings>;
export type ProxySetting = z.infer<typeof ProxySetting>;
export type ShellCapabilities = z.infer<typeof ShellCapabilities>;
