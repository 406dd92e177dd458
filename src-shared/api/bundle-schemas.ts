// Sync by file's part of the API contract (src-shared/api.ts registers the methods): a bundle of a
// space crosses the boundary as base64, like Yjs updates, since the browser host's bridge is JSON.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { SpaceId } from './spaces-schemas';

/** A bundle file's bytes in base64 (4 characters for every 3 bytes). */
export const BundleBytes = z
  .base64()
  .max(Math.ceil(LIMITS.bundle.maxBytes / 3) * 4)
  .min(1);

export const BundleExportArgs = z.object({ spaceId: SpaceId }).strict();
export const BundleExport = z.object({ bundle: BundleBytes, fileName: z.string() });

export const BundleImportArgs = z.object({ bundle: BundleBytes }).strict();
export const BundleImport = z.object({
  spaceId: SpaceId,
  /** The member who made it, by the name this device knows; null when none is known. */
  member: z.string().nullable(),
  madeAt: z.number(),
  /** Membership entries this device had not seen. */
  newEntries: z.number().int(),
  /** The bundle's document held edits this device did not have. */
  newContent: z.boolean(),
  /** Something new waits to go on to this device's relay (sent when connected). */
  passedOn: z.boolean(),
});

export type BundleExport = z.infer<typeof BundleExport>;
export type BundleImport = z.infer<typeof BundleImport>;
