// Envelope headers for sync tests: an update in epoch 0 on no snapshot unless the test says otherwise.
import { ZERO_HASH, ZERO_ID, type EnvelopeHeader } from '../../src-shared/protocol/envelope';

type Required = Pick<EnvelopeHeader, 'groupId' | 'docId' | 'author' | 'clock'>;

export function updateHeader(fields: Required & Partial<EnvelopeHeader>): EnvelopeHeader {
  return {
    kind: 'update',
    epoch: 0,
    snapshotId: ZERO_ID,
    log: { length: 1, head: ZERO_HASH },
    basis: { generation: 0, proof: ZERO_HASH },
    snapshot: null,
    ...fields,
  };
}
