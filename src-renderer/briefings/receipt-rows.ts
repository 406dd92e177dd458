// The author's "Read by" rows: everyone a briefing went to (but its author), with the read and
// acknowledged times of their receipt where one came, named as this device knows them.
import type { BriefingView } from '../../src-shared/api/briefings-schemas';

export interface ReceiptRow {
  device: string;
  name: string | null;
  readAt: number | null;
  ackedAt: number | null;
}

/** Everyone it went to (but its author), with their receipt where one came. */
export function receiptRows(
  view: Pick<BriefingView, 'audience' | 'receipts' | 'authorDevice'>,
): ReceiptRow[] {
  const rows = new Map<string, ReceiptRow>();
  for (const member of view.audience) {
    if (member.device === view.authorDevice) continue;
    rows.set(member.device, {
      device: member.device,
      name: member.name,
      readAt: null,
      ackedAt: null,
    });
  }
  for (const receipt of view.receipts) {
    if (receipt.device === view.authorDevice) continue;
    const known = rows.get(receipt.device);
    rows.set(receipt.device, { ...receipt, name: receipt.name ?? known?.name ?? null });
  }
  return [...rows.values()];
}
