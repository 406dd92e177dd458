// What a briefing is, as signed by its author and as the API shows it (docs/briefings.md): the
// payload each recipient's sealed copy carries, the receipts and recalls that answer it, and the
// expiry choices. Main checks every payload with these schemas before anything is stored (and
// cleans titles and attachment names of invisible characters).
import { TimeMs } from '../time-ms';
import { z } from 'zod';
import { stripInvisible } from '../invisible-chars';
import { LIMITS } from '../limits';
import { noteContentProblem, type NoteDoc } from '../notes/note-content';

/** The briefing limits in one place (LIMITS), with the two that live with the relay's and files'. */
export const BRIEFING_LIMITS = {
  ...LIMITS.briefings,
  maxDays: LIMITS.relay.briefingMaxDays,
  attachmentHardMaxBytes: LIMITS.briefingAttachments.maxBytes,
} as const;

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
export const DeviceHex = Hex(32);
export const BriefingIdHex = Hex(16);
export const SpaceIdHex = Hex(16);

export const Body = z.custom<NoteDoc>((value) => noteContentProblem(value) === null, {
  message: 'not a briefing body the editor writes',
});

/** An attachment's name as its sender wrote it, without invisible characters; never empty. */
const FileName = z
  .string()
  .min(1)
  .max(BRIEFING_LIMITS.fileNameMaxChars)
  .transform((name) => stripInvisible(name) || '_');

/**
 * A title from another member, as the app keeps and shows it: without invisible characters,
 * trimmed, never empty. Their modified app could make "\u202Eyadnom" show as "monday" or add a
 * zero-width character so that two titles that look the same differ. Stripped, not refused, as
 * member names are. Safe to apply as the payload is parsed: the author's signature covers the
 * payload's text as sent (mail-seal.ts), not what this makes of it.
 */
export function cleanBriefingTitle(title: string): string {
  return stripInvisible(title).trim() || '_';
}

const Title = z.string().min(1).max(BRIEFING_LIMITS.titleMaxChars).transform(cleanBriefingTitle);

export const AttachmentRef = z
  .object({
    blobId: Hex(16),
    name: FileName,
    mime: z.string().max(100),
    /** Plaintext bytes. */
    size: z.number().int().min(0).max(BRIEFING_LIMITS.attachmentHardMaxBytes),
    chunks: z.number().int().min(1).max(1_000_000),
    /** Plaintext bytes per sealed chunk (every chunk but the last is full). */
    chunkBytes: z
      .number()
      .int()
      .min(1024)
      .max(4 * 1024 * 1024),
    /** The secretstream key and header, base64: they travel only inside sealed copies. */
    key: z.base64().max(64),
    header: z.base64().max(64),
    image: z.boolean(),
    /** What the sender's app removed from the image before sealing it ("GPS location", …). */
    removed: z.array(z.string().max(60)).max(20),
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const CopyPayload = z
  .object({
    v: z.literal(1),
    kind: z.literal('copy'),
    id: BriefingIdHex,
    space: SpaceIdHex,
    from: DeviceHex,
    to: DeviceHex,
    createdAt: TimeMs,
    expiresAt: TimeMs.nullable(),
    /** Every device it was sealed to: the whole space at the time, or the members chosen. */
    audience: z.array(DeviceHex).min(1).max(1000),
    wholeSpace: z.boolean(),
    title: Title,
    body: Body,
    attachments: z.array(AttachmentRef).max(BRIEFING_LIMITS.attachmentsMax),
    receipts: z.boolean(),
  })
  .strict();
export type CopyPayload = z.infer<typeof CopyPayload>;

export const ReceiptPayload = z
  .object({
    v: z.literal(1),
    kind: z.literal('receipt'),
    id: BriefingIdHex,
    space: SpaceIdHex,
    from: DeviceHex,
    to: DeviceHex,
    readAt: TimeMs,
    ackedAt: TimeMs.nullable(),
  })
  .strict();
export type ReceiptPayload = z.infer<typeof ReceiptPayload>;

export const RecallPayload = z
  .object({
    v: z.literal(1),
    kind: z.literal('recall'),
    id: BriefingIdHex,
    space: SpaceIdHex,
    from: DeviceHex,
    to: DeviceHex,
    at: TimeMs,
  })
  .strict();
export type RecallPayload = z.infer<typeof RecallPayload>;

export const MailPayload = z.discriminatedUnion('kind', [
  CopyPayload,
  ReceiptPayload,
  RecallPayload,
]);
export type MailPayload = z.infer<typeof MailPayload>;
