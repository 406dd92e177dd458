// How frames reach the connections that want them. In one process a map of listeners does
// (memory-fanout.ts); across several relay processes, NATS subjects (nats-fanout.ts).

export interface FanoutMessage {
  /** The encoded relay frame, built once for all recipients. */
  frame: Uint8Array;
  /** The connection it came from, which does not get it back. */
  origin: string;
  /** For a DELIVER: its seq, so a subscriber that is still catching up can drop duplicates. */
  seq?: number;
}

export type FanoutListener = (message: FanoutMessage) => void;

/**
 * How many of this process's subscribed connections (the author's own among them, which sends
 * nothing) a DELIVER reaches before its author's ACK goes out. Each is a socket write (~0.2 ms on
 * loopback here) the readers would otherwise wait for after the ACK; but the author's next publish
 * of the document waits for the ACK, so in a large space it must not wait for every member's write.
 */
export const DELIVERIES_BEFORE_THEN = 8;

/**
 * Calls the listeners in order and `then` exactly once: after the first DELIVERIES_BEFORE_THEN of
 * them, or after all when there are fewer, or as the call ends if a listener throws.
 */
export function callListeners(
  listeners: ReadonlySet<FanoutListener> | undefined,
  message: FanoutMessage,
  then?: () => void,
): void {
  let pending = then;
  const runThen = (): void => {
    const run = pending;
    pending = undefined;
    run?.();
  };
  try {
    // A copy: a listener may unsubscribe (close its connection) while we iterate.
    let called = 0;
    for (const listener of listeners ? [...listeners] : []) {
      if (called++ === DELIVERIES_BEFORE_THEN) runThen();
      listener(message);
    }
  } finally {
    runThen();
  }
}

export interface Fanout {
  /** Returns the function that ends this subscription. */
  subscribe(topic: string, listener: FanoutListener): () => void;
  /**
   * To this process's subscribers now (callListeners, `then` among them), to the other processes'
   * as soon as the transport allows.
   */
  publish(topic: string, message: FanoutMessage, then?: () => void): void;
  close(): Promise<void>;
  /**
   * Resolves once every subscription made so far receives whatever any relay process publishes
   * from now on: SUBSCRIBE waits for it before it reads the store. Absent: at once.
   */
  settled?(): Promise<void>;
  /**
   * Tells `listener` when messages may have been lost (the transport to the other processes was
   * down): subscribers must catch up from the store again. Absent: never happens.
   */
  onGap?(listener: () => void): void;
  /** Reaches the other relay processes now (GET /health). Absent: in-process, always. */
  connected?(): boolean;
}

/**
 * Stored messages and ephemerals of one document of one group. The group is part of it: a device
 * may subscribe to a document id under a group of its own before any group has stored it, and must
 * then not receive what another group later publishes under that id.
 */
export const docTopic = (groupHex: string, docHex: string): string => `doc:${groupHex}:${docHex}`;
/** Notices for one device, wherever it is connected (GROUP_CHANGED). */
export const deviceTopic = (deviceHex: string): string => `device:${deviceHex}`;
