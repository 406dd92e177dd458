// Requests to the relay and their answers: the error a refused or unanswered request rejects with,
// and the table of requests sent, matched to their answers by requestId.
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import { relayErrorName, type RelayErrorName } from '../../../src-shared/protocol/wire-constants';

/** A request the relay refused (its error code) or that could not be answered ('offline'). */
export class RelayRequestError extends Error {
  constructor(
    readonly code: RelayErrorName | 'unknown' | 'offline' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'RelayRequestError';
  }
}

/**
 * The request did not get through for a passing reason: no connection, no answer, a relay that is
 * restarting, or too many frames at once. Worth sending again once connected.
 */
export function isPassingFailure(error: unknown): boolean {
  return (
    error instanceof RelayRequestError &&
    (error.code === 'offline' ||
      error.code === 'timeout' ||
      error.code === 'shuttingDown' ||
      error.code === 'rateLimited')
  );
}

export type RelayResponse = Extract<RelayFrame, { requestId: number }>;

/** Requests sent and not answered yet, by requestId. */
export type PendingRequests = Map<
  number,
  { resolve(frame: RelayResponse): void; reject(error: Error): void; timer: NodeJS.Timeout }
>;

/** The relay's answer settles its request (an ERROR rejects it); one nobody awaits is dropped. */
export function settleRequest(pending: PendingRequests, frame: RelayResponse): void {
  const p = pending.get(frame.requestId);
  if (!p) return;
  pending.delete(frame.requestId);
  clearTimeout(p.timer);
  if (frame.type === 'error') {
    p.reject(new RelayRequestError(relayErrorName(frame.code), frame.message));
  } else {
    p.resolve(frame);
  }
}

export function failPending(pending: PendingRequests, why: string): void {
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(new RelayRequestError('offline', why));
    pending.delete(id);
  }
}
