// The positions of a stored group's verified log (heads, epochs, roles at each length), built once
// per version of the log: a group's entries array is replaced, never changed in place, whenever
// the log grows, so it is the cache key.
import type { LogHead } from '../../../src-shared/protocol/envelope';
import { indexVerifiedLog, type LogIndex } from '../../../src-shared/protocol/log-index';
import type { GroupState } from '../../../src-shared/protocol/membership-state';
import { protocolCrypto } from './group-crypto';

const indexes = new WeakMap<readonly Uint8Array[], LogIndex>();

export function logIndexOf(group: { entries: readonly Uint8Array[] }): LogIndex {
  let index = indexes.get(group.entries);
  if (!index) {
    index = indexVerifiedLog(group.entries, protocolCrypto);
    indexes.set(group.entries, index);
  }
  return index;
}

/** The head my envelopes name: the log as I verified it. */
export function myLogHead(state: GroupState): LogHead {
  return { length: state.length, head: state.headHash };
}
