// Receipts a recipient sends its briefing's author on reading and acknowledging it; one that cannot
// go out stays pending in the vault and goes at the next connection.
import type { BriefingContext } from './briefing-context';
import { putMail } from './briefing-mail';
import * as store from './briefing-store';

export async function sendReceipt({ db, access }: BriefingContext, id: string): Promise<void> {
  const held = store.getBriefing(db, id);
  if (!held || held.mine || !held.payload.receipts || held.readAt === null) return;
  const group = access.group(held.spaceId);
  if (!group) return;
  try {
    await putMail(
      access,
      group,
      {
        v: 1,
        kind: 'receipt',
        id,
        space: held.spaceId,
        from: access.meHex,
        to: held.author,
        readAt: held.readAt,
        ackedAt: held.ackedAt,
      },
      held.expiresAt,
    );
    store.setReceiptPending(db, id, false);
  } catch {
    // Offline, or the relay refused for now: it goes out at the next connection.
    store.setReceiptPending(db, id, true);
  }
}

export async function sendPendingReceipts(ctx: BriefingContext): Promise<void> {
  for (const id of store.pendingReceipts(ctx.db)) await sendReceipt(ctx, id);
}
