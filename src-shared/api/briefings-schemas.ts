// The briefings' part of the API contract (src-shared/api.ts registers the methods): what the list,
// the read view and compose exchange with main (docs/briefings.md). Keys never appear here: an
// attachment is named by its briefing and position, its bytes come only after main has opened them.
import { z } from 'zod';
import { BRIEFING_LIMITS, Body } from '../briefings/briefing-model';

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
export const BriefingId = Hex(16);
const SpaceIdArg = Hex(16);
const DeviceArg = Hex(32);

export const BriefingSummary = z.object({
  id: BriefingId,
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  /** The sender's name as this device knows it; null: not known (show the safety-number prefix). */
  authorName: z.string().nullable(),
  authorDevice: z.string(),
  /** The sender's safety number was compared and marked verified on this device. */
  authorVerified: z.boolean(),
  mine: z.boolean(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  unread: z.boolean(),
  acknowledged: z.boolean(),
  attachments: z.number().int(),
  /** The first words of the body, or a search snippet. */
  excerpt: z.string(),
});
export type BriefingSummary = z.infer<typeof BriefingSummary>;

export const BriefingAttachmentView = z.object({
  index: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  image: z.boolean(),
  /** What the sender's app removed before sealing ("GPS location", …). */
  removed: z.array(z.string()),
  /** The encrypted chunks are all on this device. */
  downloaded: z.boolean(),
});

export const BriefingReceiptView = z.object({
  device: z.string(),
  name: z.string().nullable(),
  readAt: z.number().nullable(),
  ackedAt: z.number().nullable(),
});

export const BriefingView = BriefingSummary.extend({
  body: Body,
  audience: z.array(
    z.object({ device: z.string(), name: z.string().nullable(), isMe: z.boolean() }),
  ),
  wholeSpace: z.boolean(),
  receiptsOn: z.boolean(),
  /** The author's copy only: who has read and acknowledged. */
  receipts: z.array(BriefingReceiptView),
  /** The author's copy only: each recipient got a copy marked invisibly (leak tracing). */
  canary: z.boolean(),
  attachmentList: z.array(BriefingAttachmentView),
});
export type BriefingView = z.infer<typeof BriefingView>;

export const BriefingRefusal = z.object({
  spaceId: z.string(),
  briefingId: z.string(),
  /**
   * id-taken: another member's briefing already holds its id here, or another briefing one of
   * its files' ids (one of them forged it).
   */
  reason: z.enum(['unreadable', 'bad-signature', 'misaddressed', 'not-member', 'id-taken']),
  at: z.number(),
});

export const BriefingListArgs = z
  .object({
    spaceId: SpaceIdArg.optional(),
    query: z.string().max(200).optional(),
  })
  .strict();

export const BriefingList = z.object({
  items: z.array(BriefingSummary),
  /** Items refused (signature, addressing): shown as a warning above the list. */
  refused: z.array(BriefingRefusal),
});

export const BriefingSendArgs = z
  .object({
    spaceId: SpaceIdArg,
    title: z.string().trim().min(1).max(BRIEFING_LIMITS.titleMaxChars),
    body: Body,
    /** null: every member of the space now; else the member devices chosen. */
    audience: z.array(DeviceArg).min(1).max(1000).nullable(),
    /** Hours until every copy is wiped; null: until deleted. */
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(BRIEFING_LIMITS.maxDays * 24)
      .nullable(),
    /** Files staged with briefings.stage*, in order. */
    stagedFiles: z.array(z.string().uuid()).max(BRIEFING_LIMITS.attachmentsMax),
    /** Each recipient's copy differs invisibly, so a leaked text can be traced. */
    canary: z.boolean(),
    receipts: z.boolean(),
  })
  .strict();

export const StageBeginArgs = z
  .object({
    name: z.string().min(1).max(BRIEFING_LIMITS.fileNameMaxChars),
    mime: z.string().max(100),
    size: z.number().int().min(0),
  })
  .strict();
export const StagedFile = z.object({
  stageId: z.string().uuid(),
  name: z.string(),
  size: z.number().int(),
  image: z.boolean(),
  /** Filled once the whole file is staged: what was removed from an image. */
  removed: z.array(z.string()),
});
export const StageAppendArgs = z
  .object({
    stageId: z.string().uuid(),
    /** Base64 of the next piece; at most 1 MiB of bytes. */
    data: z.base64().max(1_400_000),
  })
  .strict();

export const BriefingFileArgs = z
  .object({ id: BriefingId, index: z.number().int().min(0) })
  .strict();
export const BriefingFileBytes = z.object({
  name: z.string(),
  mime: z.string(),
  /** Base64 of the opened file (images inline; other files after the user's warning). */
  data: z.string(),
});

export const LeakTraceResult = z.object({
  /** The recipient whose copy this text is; null: cannot tell. */
  device: z.string().nullable(),
  name: z.string().nullable(),
  /** How many marks in the text agreed with that copy (and how many were found). */
  evidence: z.number().int(),
});

export const BriefingProgress = z.object({
  /** An upload: the staged file's id; a download: `<briefing id>/<attachment index>`. */
  id: z.string(),
  phase: z.enum(['stage', 'seal', 'upload', 'download', 'send']),
  done: z.number(),
  total: z.number(),
});
