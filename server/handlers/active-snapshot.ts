// The log length the active snapshot of a document names, which updates and snapshots built on it
// may not go below. Read from the stored snapshot's header once per active snapshot, then cached
// by its seq (a later snapshot has another seq, so several relay processes cannot disagree).
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import type { RelayContext } from '../relay-context';
import type { StoredDoc } from '../store/relay-store';

const CACHE_SIZE = 10_000;
const cache = new Map<string, { seq: number; logLength: number }>();

export async function activeLogLength(ctx: RelayContext, doc: StoredDoc | null): Promise<number> {
  if (!doc) return 0;
  const key = toHex(doc.docId);
  const cached = cache.get(key);
  if (cached?.seq === doc.activeSeq) return cached.logLength;
  const message = await ctx.store.getMessage(doc.docId, doc.activeSeq);
  // Stored only after the relay checked it, so it decodes; a store that lost it is corruption.
  if (!message) throw new Error('active snapshot missing from the store');
  const logLength = decodeEnvelope(message.envelope).header.log.length;
  cache.delete(key);
  cache.set(key, { seq: doc.activeSeq, logLength });
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return logLength;
}
