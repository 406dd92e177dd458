// A component's handle on a shared document's replica: acquired on mount, released on unmount, and
// re-rendered when it opens or fails. Replicas come from the DocReplicas of the session (context).
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { DocReplica, DocReplicas, ReplicaPhase } from './doc-replica';

export const DocReplicasContext = createContext<DocReplicas | null>(null);

export function useDocReplica(docId: string): { replica: DocReplica | null; phase: ReplicaPhase } {
  const replicas = useContext(DocReplicasContext);
  const [replica, setReplica] = useState<DocReplica | null>(null);
  useEffect(() => {
    if (!replicas) return;
    const acquired = replicas.acquire(docId);
    // Acquiring must be paired with its release, which only an effect guarantees; so the replica
    // reaches the render through state, one render after mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReplica(acquired);
    return () => replicas.release(acquired);
  }, [replicas, docId]);
  const phase = useSyncExternalStore(
    replica?.subscribe ?? noSubscribe,
    replica?.getPhase ?? opening,
  );
  return { replica, phase };
}

const OPENING: ReplicaPhase = { kind: 'opening' };
const opening = (): ReplicaPhase => OPENING;
const noSubscribe = () => () => undefined;

/** Re-renders whenever the replica's document changes (local or remote); returns a change counter. */
export function useDocVersion(replica: DocReplica | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!replica) return;
    const bump = () => setVersion((v) => v + 1);
    replica.doc.on('update', bump);
    return () => replica.doc.off('update', bump);
  }, [replica]);
  return version;
}
