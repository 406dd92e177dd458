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

export interface Fanout {
  /** Returns the function that ends this subscription. */
  subscribe(topic: string, listener: FanoutListener): () => void;
  publish(topic: string, message: FanoutMessage): void;
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

/** Stored messages and ephemerals of one document. */
export const docTopic = (docHex: string): string => `doc:${docHex}`;
/** Notices for one device, wherever it is connected (GROUP_CHANGED). */
export const deviceTopic = (deviceHex: string): string => `device:${deviceHex}`;
