// Who main last said is in a space's document, kept while the space is on screen. Main reports
// peers only when they change, so a plan opened later starts from this list instead of showing
// nobody until each of them moves.
import { useEffect } from 'react';
import type { PresencePeer } from '../../src-shared/api';
import { onEvent } from '../bridge/call';

const latest = new Map<string, readonly PresencePeer[]>();

export function useKnownPeers(docId: string): void {
  useEffect(() => {
    const off = onEvent('docs.presence', (event) => {
      if (event.docId === docId) latest.set(docId, event.peers);
    });
    return () => {
      off();
      latest.delete(docId);
    };
  }, [docId]);
}

export function knownPeers(docId: string): readonly PresencePeer[] {
  return latest.get(docId) ?? [];
}
