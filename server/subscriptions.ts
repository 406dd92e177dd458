// The documents one connection is subscribed to. A new subscription buffers live messages while its
// catch-up is read from the store, then forwards the buffer minus what the catch-up already sent:
// registering before reading the store means no message can fall between catch-up and live.
import { toHex } from '../src-shared/protocol/bytes';
import { docTopic, type Fanout, type FanoutMessage } from './fanout/fanout';

/** Live messages buffered per subscription while catching up, before the client counts as stuck. */
const MAX_BUFFERED_MESSAGES = 10_000;

interface Subscription {
  groupHex: string;
  buffer: FanoutMessage[] | null;
  /** The catch-up sent every seq up to this one: a live message at or below it is a repeat. */
  caughtUpSeq: number;
  end: () => void;
}

export class Subscriptions {
  private readonly byDoc = new Map<string, Subscription>();
  /**
   * The bytes buffered by all of this connection's subscriptions: a catch-up that stalls (a client
   * that stops reading) must not let others' messages, ephemerals above all, which no quota
   * bounds, pile up in the relay's memory.
   */
  private bufferedBytes = 0;
  /** endAll() ran: the connection is gone, and a SUBSCRIBE still under way must not register. */
  private ended = false;

  constructor(
    private readonly connectionId: string,
    private readonly fanout: Fanout,
    private readonly forward: (frame: Uint8Array) => void,
    private readonly overflow: () => void,
    private readonly maxBufferedBytes: number,
  ) {}

  get size(): number {
    return this.byDoc.size;
  }

  has(docId: Uint8Array): boolean {
    return this.byDoc.has(toHex(docId));
  }

  /**
   * Starts buffering live messages of the document; replaces an earlier subscription to it. False
   * once the connection is gone (nothing would ever end the subscription).
   */
  begin(groupId: Uint8Array, docId: Uint8Array): boolean {
    if (this.ended) return false;
    const docHex = toHex(docId);
    this.end(docId);
    const subscription: Subscription = {
      groupHex: toHex(groupId),
      buffer: [],
      caughtUpSeq: 0,
      end: () => undefined,
    };
    subscription.end = this.fanout.subscribe(docTopic(docHex), (message) => {
      if (message.origin === this.connectionId) return;
      if (!subscription.buffer) {
        // A message the catch-up already carried: it was written before the catch-up's read and
        // fanned out once durable, after it.
        if (message.seq !== undefined && message.seq <= subscription.caughtUpSeq) return;
        this.forward(message.frame);
      } else if (
        subscription.buffer.length < MAX_BUFFERED_MESSAGES &&
        this.bufferedBytes + message.frame.length <= this.maxBufferedBytes
      ) {
        subscription.buffer.push(message);
        this.bufferedBytes += message.frame.length;
      } else {
        this.overflow();
      }
    });
    this.byDoc.set(docHex, subscription);
    return true;
  }

  /** Catch-up sent up to caughtUpSeq: forward what arrived meanwhile and go live. */
  goLive(docId: Uint8Array, caughtUpSeq: number): void {
    const subscription = this.byDoc.get(toHex(docId));
    if (!subscription?.buffer) return;
    const buffered = subscription.buffer;
    subscription.buffer = null;
    this.release(buffered);
    subscription.caughtUpSeq = caughtUpSeq;
    for (const message of buffered) {
      if (message.seq === undefined || message.seq > caughtUpSeq) this.forward(message.frame);
    }
  }

  end(docId: Uint8Array, groupId?: Uint8Array): void {
    const docHex = toHex(docId);
    const subscription = this.byDoc.get(docHex);
    if (!subscription) return;
    if (groupId && subscription.groupHex !== toHex(groupId)) return;
    this.stop(subscription);
    this.byDoc.delete(docHex);
  }

  /** Ends every subscription to the group's documents (the device is no longer a member). */
  endGroup(groupId: Uint8Array): void {
    const groupHex = toHex(groupId);
    for (const [docHex, subscription] of this.byDoc) {
      if (subscription.groupHex !== groupHex) continue;
      this.stop(subscription);
      this.byDoc.delete(docHex);
    }
  }

  endAll(): void {
    this.ended = true;
    for (const subscription of this.byDoc.values()) this.stop(subscription);
    this.byDoc.clear();
  }

  private stop(subscription: Subscription): void {
    subscription.end();
    if (subscription.buffer) this.release(subscription.buffer);
    subscription.buffer = null;
  }

  /** A buffer was sent or dropped: its bytes no longer count. */
  private release(buffer: readonly FanoutMessage[]): void {
    for (const message of buffer) this.bufferedBytes -= message.frame.length;
  }
}
