// Rows written once under their key (a share, a lockbox, an invite's material): the same bytes
// again are a retry after a lost OK and answered OK, other bytes are a conflict. Also when the retry
// reached two relay processes and the other committed between this one's read and its write.
import { StoreConflictError } from '../store/relay-store';

export interface PutOnce<T> {
  /** The row stored under the key, if any. */
  read(): Promise<T | null>;
  /** Whether the stored row is this very one. */
  same(stored: T): boolean;
  /** Checks what must hold for a new row, then writes it (a StoreConflictError: someone was first). */
  put(): Promise<void>;
  /** Refuses: another row holds the key. */
  conflict(): never;
}

/** 'stored' when this call wrote the row, 'existed' when the same row was there already. */
export async function putOnce<T>(row: PutOnce<T>): Promise<'stored' | 'existed'> {
  const existing = await row.read();
  if (existing) {
    if (!row.same(existing)) row.conflict();
    return 'existed';
  }
  try {
    await row.put();
    return 'stored';
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    // Someone else's row holds the key, or held it and is gone again (an expired share): either
    // way not this one.
    const winner = await row.read();
    if (!winner || !row.same(winner)) row.conflict();
    return 'existed';
  }
}
