// A tiny observable of the bridge's connection, so the banner and the save queue can react to drops.
export type ConnectionStatus = 'connected' | 'reconnecting';

type Listener = (status: ConnectionStatus) => void;

let status: ConnectionStatus = 'connected';
const listeners = new Set<Listener>();

export function getConnectionStatus(): ConnectionStatus {
  return status;
}

export function setConnectionStatus(next: ConnectionStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener(next);
}

export function subscribeConnectionStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
