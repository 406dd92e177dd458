// Briefings as the API shows them: names and verified marks instead of keys, the space's name, an
// excerpt or search snippet, the author's receipts, and each attachment without its key.
import type { BriefingSummary, BriefingView } from '../../../src-shared/api/briefings-schemas';
import type { AttachmentRef } from '../../../src-shared/briefings/briefing-model';
import { loadVerifiedDevices } from '../groups/contacts-store';
import type { DocAccess } from '../sync/engine-doc-access';
import type { Db } from '../vault/migrations';
import type { BriefingListing, StoredBriefing } from './briefing-reads';
import { receiptsOf } from './briefing-store';

/** The listing of a briefing read whole (for the read view's own summary fields). */
const listingOf = (held: StoredBriefing, excerpt: string): BriefingListing => ({
  id: held.id,
  spaceId: held.spaceId,
  author: held.author,
  mine: held.mine,
  createdAt: held.createdAt,
  expiresAt: held.expiresAt,
  title: held.payload.title,
  excerpt,
  attachments: held.payload.attachments.length,
  readAt: held.readAt,
  ackedAt: held.ackedAt,
});

export function briefingViews(
  db: Db,
  access: DocAccess,
  isDownloaded: (ref: AttachmentRef) => boolean,
) {
  const nameOf = (device: string): string | null =>
    device === access.meHex ? null : access.nameOf(device);

  function summary(held: BriefingListing, verified = loadVerifiedDevices(db)): BriefingSummary {
    return {
      id: held.id,
      spaceId: held.spaceId,
      spaceName: access.group(held.spaceId)?.name ?? '',
      title: held.title,
      authorName: held.mine ? null : nameOf(held.author),
      authorDevice: held.author,
      authorVerified: verified.has(held.author),
      mine: held.mine,
      createdAt: held.createdAt,
      expiresAt: held.expiresAt,
      unread: held.readAt === null,
      acknowledged: held.ackedAt !== null,
      attachments: held.attachments,
      excerpt: held.excerpt,
    };
  }

  function view(held: StoredBriefing): BriefingView {
    return {
      ...summary(listingOf(held, '')),
      body: held.payload.body,
      audience: held.payload.audience.map((device) => ({
        device,
        name: nameOf(device),
        isMe: device === access.meHex,
      })),
      wholeSpace: held.payload.wholeSpace,
      receiptsOn: held.payload.receipts,
      receipts: held.mine
        ? receiptsOf(db, held.id).map((r) => ({ ...r, name: nameOf(r.device) }))
        : [],
      canary: held.mine && held.canaryMap !== null,
      attachmentList: held.payload.attachments.map((a, index) => ({
        index,
        name: a.name,
        mime: a.mime,
        size: a.size,
        image: a.image,
        removed: a.removed,
        downloaded: isDownloaded(a),
      })),
    };
  }

  return {
    list(items: BriefingListing[]): BriefingSummary[] {
      const verified = loadVerifiedDevices(db);
      return items.map((held) => summary(held, verified));
    },
    view,
  };
}
