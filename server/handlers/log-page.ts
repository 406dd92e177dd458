// One page of a group's membership log for GROUP_ENTRIES and INVITE: as many stored entries as fit
// in one frame beside the answer's other content; the client asks again from where the page ends.
import type { RelayContext } from '../relay-context';

/** Most entries one answer carries. */
const ENTRIES_PER_PAGE = 1000;
/** Room for the frame's own fields and length prefixes. */
const FRAME_OVERHEAD_BYTES = 1024;
const PREFIX_BYTES = 4;

export interface LogPage {
  groupId: Uint8Array;
  fromIndex: number;
  /** The last index the requester may read, inclusive (Infinity: the whole log). */
  lastIndex: number;
  /** Bytes the answer carries beside the entries (lockboxes, invite material). */
  besides: number;
}

/** Stored entries from fromIndex, within lastIndex and the frame limit; at least one if any. */
export async function readLogPage(ctx: RelayContext, page: LogPage): Promise<Uint8Array[]> {
  const readable = Math.min(ENTRIES_PER_PAGE, page.lastIndex - page.fromIndex + 1);
  if (readable <= 0) return [];
  const stored = await ctx.store.groupEntries(page.groupId, page.fromIndex, readable);
  let budget = ctx.limits.maxFrameBytes - FRAME_OVERHEAD_BYTES - page.besides;
  const entries: Uint8Array[] = [];
  for (const entry of stored) {
    budget -= entry.length + PREFIX_BYTES;
    if (budget < 0 && entries.length > 0) break;
    entries.push(entry);
  }
  return entries;
}

/** What a list of blobs adds to a frame. */
export function framedBytes(blobs: readonly Uint8Array[]): number {
  return blobs.reduce((sum, blob) => sum + blob.length + PREFIX_BYTES, 0);
}
