// The documents one connection is subscribed to. A new subscription buffers live messages while its
// catch-up is read from the store, then forwards the buffer minus what the catch-up already sent:
// registering before reading the store means no message can fall between catch-up and live. From
// then on it forwards every seq of the document in order, none twice and none skipped: a seq that
// has not come when a later one does (another relay process's, delayed or lost on the way) is read
// from the store first, so that a client's "last seq seen" is always a seq it has everything up to.
import { toHex } from '../src-shared/protocol/bytes';
import { docTopic, type Fanout, type FanoutMessage } from './fanout/fanout';

/** Live messages buffered per subscription while catching up, before the client counts as stuck. */
const MAX_BUFFERED_MESSAGES = 10_000;
/**
 * Seqs a live subscription reads from the store itself when they have not come; a longer hole
 * (a long outage between relay processes) is left to the client's own catch-up on reconnection.
 */
export const MAX_FILLED_SEQS = 64;

export interface SubscriptionIo {
  /** Sends a frame to the connection. */
  forward(frame: Uint8Array): void;
  /** The buffers grew past their limits: the client is too slow. */
  overflow(): void;
  /** Messages cannot be filled in here: the client must reconnect and catch up from the store. */
  resync(): void;
  /** The DELIVER frame of a stored seq, or null when the store holds nothing at it. */
  missed(docId: Uint8Array, seq: number): Promise<Uint8Array | null>;
  /** Bytes all of the connection's subscriptions may buffer together. */
  maxBufferedBytes: number;
}

interface Subscription {
  docId: Uint8Array;
  groupHex: string;
  /** Live messages held while the catch-up, or a fill of missed seqs, reads the store. */
  buffer: FanoutMessage[] | null;
  /** Every seq up to this one was sent (or was this connection's own publish). */
  sentSeq: number;
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
    private readonly io: SubscriptionIo,
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
      docId,
      groupHex: toHex(groupId),
      buffer: [],
      sentSeq: 0,
      end: () => undefined,
    };
    subscription.end = this.fanout.subscribe(docTopic(subscription.groupHex, docHex), (message) => {
      // The connection's own messages are never sent back, but its seqs count as passed.
      if (message.origin === this.connectionId && message.seq === undefined) return;
      if (subscription.buffer) this.hold(subscription, message);
      else this.pass(subscription, message);
    });
    this.byDoc.set(docHex, subscription);
    return true;
  }

  /** Catch-up sent everything up to caughtUpSeq: forward what arrived meanwhile and go live. */
  goLive(docId: Uint8Array, caughtUpSeq: number): void {
    const subscription = this.byDoc.get(toHex(docId));
    if (!subscription?.buffer) return;
    subscription.sentSeq = caughtUpSeq;
    this.drain(subscription);
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

  private hold(subscription: Subscription, message: FanoutMessage): void {
    const buffer = subscription.buffer ?? [];
    if (
      buffer.length < MAX_BUFFERED_MESSAGES &&
      this.bufferedBytes + message.frame.length <= this.io.maxBufferedBytes
    ) {
      buffer.push(message);
      subscription.buffer = buffer;
      this.bufferedBytes += message.frame.length;
    } else {
      this.io.overflow();
    }
  }

  /** A live message: sent in seq order, a repeat dropped, a seq that jumps ahead held for a fill. */
  private pass(subscription: Subscription, message: FanoutMessage): void {
    const own = message.origin === this.connectionId;
    const { seq } = message;
    if (seq === undefined) {
      if (!own) this.io.forward(message.frame);
      return;
    }
    // A message the catch-up or a fill already carried (written before the read, fanned out after).
    if (seq <= subscription.sentSeq) return;
    if (seq > subscription.sentSeq + 1) {
      subscription.buffer = [];
      this.hold(subscription, message);
      void this.fill(subscription, seq - 1);
      return;
    }
    subscription.sentSeq = seq;
    if (!own) this.io.forward(message.frame);
  }

  /** Reads the seqs after sentSeq up to `upTo` from the store, sends them, then what was held. */
  private async fill(subscription: Subscription, upTo: number): Promise<void> {
    if (upTo - subscription.sentSeq > MAX_FILLED_SEQS) return this.io.resync();
    try {
      for (let seq = subscription.sentSeq + 1; seq <= upTo; seq++) {
        const frame = await this.io.missed(subscription.docId, seq);
        if (!this.current(subscription)) return;
        subscription.sentSeq = seq;
        // Nothing stored at a seq below the document's last: it is gone, and so not needed.
        if (frame) this.io.forward(frame);
      }
    } catch {
      // The store cannot answer now: the client's own catch-up after reconnecting will.
      if (this.current(subscription)) this.io.resync();
      return;
    }
    this.drain(subscription);
  }

  /** Goes live again: what was held is passed on in the order it came. */
  private drain(subscription: Subscription): void {
    const held = subscription.buffer ?? [];
    subscription.buffer = null;
    this.release(held);
    for (const [i, message] of held.entries()) {
      this.pass(subscription, message);
      // A later jump went back to holding: the rest waits behind its fill.
      if (subscription.buffer) {
        for (const rest of held.slice(i + 1)) this.hold(subscription, rest);
        return;
      }
    }
  }

  /** Still this connection's subscription (not ended, nor replaced by a new SUBSCRIBE). */
  private current(subscription: Subscription): boolean {
    return !this.ended && this.byDoc.get(toHex(subscription.docId)) === subscription;
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
