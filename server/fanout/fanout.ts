// How frames reach the connections that want them. In one process a map of listeners does
// (memory-fanout.ts); across several relay processes this is where NATS JetStream or Redis Streams
// would go, behind the same interface.

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
}

/** Stored messages and ephemerals of one document. */
export const docTopic = (docHex: string): string => `doc:${docHex}`;
/** Notices for one device, wherever it is connected (GROUP_CHANGED). */
export const deviceTopic = (deviceHex: string): string => `device:${deviceHex}`;
