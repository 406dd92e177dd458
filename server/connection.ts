// One client connection: HELLO, the signed CHALLENGE and AUTH, then frames handled strictly one at a time in arrival
// order (frame-queue.ts, handlers by frame-dispatch.ts), each answered with OK/ACK or an ERROR frame.
// Size, rate and malformation limits are applied here, before any handler runs.
import type WebSocket from 'ws';
import { toHex } from '../src-shared/protocol/bytes';
import {
  decodeClientFrame,
  decodeRelayFrame,
  encodeRelayFrame,
  type ClientFrame,
  type RelayFrame,
} from '../src-shared/protocol/frames';
import {
  PROTOCOL_VERSION,
  RelayError,
  RelayFrameType,
  type RelayErrorName,
} from '../src-shared/protocol/wire-constants';
import { isMember } from '../src-shared/protocol/membership-state';
import { ProtocolError } from '../src-shared/protocol/wire-reader';
import { deviceTopic } from './fanout/fanout';
import { peekRequestId } from './frame-peek';
import { dispatchFrame } from './frame-dispatch';
import { FrameQueue } from './frame-queue';
import {
  acceptedRelayHosts,
  authProblem,
  challengeFrame,
  newChallenge,
  type RelayIdentity,
} from './handshake';
import { TokenBucket } from './rate-limit';
import { Refusal } from './refusal';
import type { RelayContext, Session } from './relay-context';
import { Subscriptions } from './subscriptions';

/** WebSocket close codes the relay uses. */
export const CloseCode = { goingAway: 1001, policy: 1008, internal: 1011, tooSlow: 1013 } as const;
/** How long a shutting-down relay waits for a connection's in-flight frames and close handshake. */
const SHUTDOWN_GRACE_MS = 5000;
const DRAIN_POLL_MS = 10;

let nextConnectionId = 1;

export { acceptedRelayHosts, type RelayIdentity } from './handshake';

export class Connection {
  readonly id = `c${nextConnectionId++}`;
  /** What a signed-in connection's handlers get; made once at AUTH, not per frame. */
  private signedIn: Session | null = null;
  /**
   * Made when HELLO came and was answered with our signed CHALLENGE: AUTH may follow. Dropped
   * once AUTH passed, so a signed-in connection holds only what it still needs.
   */
  private challenge: Uint8Array | null = null;
  private readonly bucket: TokenBucket;
  private readonly subscriptions: Subscriptions;
  private readonly queue: FrameQueue;
  private malformedInARow = 0;
  private shuttingDown = false;
  /** close() was called: nothing more is read or handled. */
  private closing = false;
  /** The socket has closed and everything is cleaned up. */
  private closed = false;
  private authTimer: NodeJS.Timeout | undefined;
  private leaveDeviceTopic: (() => void) | undefined;
  /** The device counted in ctx.devices for this connection, released when it closes. */
  private admittedDevice: string | null = null;
  /** A pong or a frame came since the last heartbeat. */
  private heard = true;
  /** Something besides pings was sent since the last heartbeat. */
  private sentSinceBeat = false;
  /** Heartbeats in a row that found the peer silent though nothing stood in its answer's way. */
  private silentBeats = 0;
  /** The smallest send queue seen since it last shrank, and since when (a peer that reads not). */
  private queueLow = 0;
  private queueLowSince = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: RelayContext,
    private readonly log: (line: string) => void,
    private readonly identity: RelayIdentity,
  ) {
    this.bucket = new TokenBucket(ctx.limits.ratePerSecond);
    this.queue = new FrameQueue(ws, ctx.limits, (error) => this.unexpected(error));
    this.subscriptions = new Subscriptions(this.id, ctx.fanout, {
      forward: (frame) => this.sendBytes(frame),
      overflow: () => this.close(CloseCode.tooSlow, 'too slow'),
      resync: () => void this.shutdown(),
      missed: async (docId, seq) => {
        const stored = await ctx.store.getMessage(docId, seq);
        return stored && encodeRelayFrame({ type: 'deliver', seq, envelope: stored.envelope });
      },
      maxBufferedBytes: ctx.limits.maxBufferedBytes,
    });
  }

  start(): void {
    this.ctx.metrics.connections++;
    this.log(`${this.id} open`);
    this.ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    this.ws.on('pong', () => (this.heard = true));
    this.ws.once('close', (code) => this.cleanUp(code));
    this.ws.on('error', () => undefined); // 'close' follows; the reason is in its code.
    this.authTimer = setTimeout(
      () => this.close(CloseCode.policy, 'authentication timeout'),
      this.ctx.limits.authTimeoutMs,
    );
    // Nothing is sent until HELLO: the CHALLENGE is signed over the client's fresh nonce.
  }

  /** Stops taking frames, lets in-flight ones finish (their ACKs go out), then closes with 1001. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([this.queue.settled(), grace]);
    const closed = new Promise<void>((resolve) => {
      if (this.closed) resolve();
      else this.ws.once('close', () => resolve());
    });
    this.close(CloseCode.goingAway, 'relay shutting down');
    await Promise.race([closed, grace]);
    if (!this.closed) this.ws.terminate();
  }

  /**
   * Called every heartbeatMs; ends a peer that is gone. Silence counts only while nothing stood in
   * the way of its answer: no data sent since the last beat (the socket's queue, the kernel's and a
   * proxy's may hold minutes of it for a slow reader, and the ping waits behind them) and reading
   * not paused (then its pongs are not read). Two such beats in a row end it. A send queue that
   * has not shrunk for stalledReaderMs ends it too: a peer that keeps its link but reads nothing.
   */
  heartbeat(): void {
    if (this.closing) return;
    const queued = this.ws.bufferedAmount;
    const judged = !this.sentSinceBeat && queued === 0 && !this.queue.isPaused();
    this.silentBeats = this.heard || !judged ? 0 : this.silentBeats + 1;
    const now = Date.now();
    if (queued === 0 || this.queueLow === 0 || queued < this.queueLow) {
      this.queueLow = queued;
      this.queueLowSince = now;
    }
    const stalled = queued > 0 && now - this.queueLowSince > this.ctx.limits.stalledReaderMs;
    if (this.silentBeats >= 2 || stalled) {
      this.log(`${this.id} ${stalled ? 'reads nothing' : 'no answer to pings'}`);
      this.closing = true;
      this.ws.terminate();
      return;
    }
    this.heard = false;
    this.sentSinceBeat = false;
    this.ws.ping();
  }

  /** A newer connection of the same device took this one's place (maxConnectionsPerDevice). */
  displace(): void {
    this.close(CloseCode.policy, 'replaced by a newer connection of this device');
  }

  /** Bytes queued in the socket, not yet written: the send queue /metrics reports. */
  sendQueueBytes(): number {
    return this.ws.bufferedAmount;
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    this.ctx.metrics.framesIn++;
    this.heard = true;
    if (this.closing) return;
    const bytes = toBytes(data);
    const limits = this.ctx.limits;
    if (this.shuttingDown)
      return this.error(peekRequestId(bytes), 'shuttingDown', 'relay stopping');
    if (bytes.length > limits.maxFrameBytes) {
      return this.error(peekRequestId(bytes), 'frameTooLarge', `limit ${limits.maxFrameBytes} B`);
    }
    if (!this.bucket.take()) {
      return this.error(peekRequestId(bytes), 'rateLimited', `limit ${limits.ratePerSecond}/s`);
    }
    if (!isBinary) return this.malformed(0, 'frames are binary');
    this.queue.push(bytes.length, () => this.handle(bytes));
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    if (this.closing) return;
    if (bytes.length >= 2 && bytes[0] !== PROTOCOL_VERSION) {
      this.error(
        peekRequestId(bytes),
        'unsupportedVersion',
        `this relay speaks ${PROTOCOL_VERSION}`,
      );
      return this.countMalformed();
    }
    let frame: ClientFrame;
    try {
      frame = decodeClientFrame(bytes);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      return this.malformed(peekRequestId(bytes), error.message);
    }
    this.malformedInARow = 0;
    const session = this.signedIn;
    if (!session) return this.authenticate(frame);
    try {
      await dispatchFrame(this.ctx, session, frame);
    } catch (error) {
      const requestId = 'requestId' in frame ? frame.requestId : 0;
      // A bug in a handler is answered under the request's id, so the client's request fails now
      // instead of waiting out its timeout.
      if (!(error instanceof Refusal)) return this.unexpected(error, requestId);
      this.error(requestId, error.code, error.message);
      if (error.code === 'malformed') this.countMalformed();
    }
  }

  private authenticate(frame: ClientFrame): void {
    if (!this.challenge) return this.hello(frame);
    if (frame.type !== 'auth') {
      this.error('requestId' in frame ? frame.requestId : 0, 'notAuthenticated', 'AUTH first');
      return this.close(CloseCode.policy, 'not authenticated');
    }
    const problem = authProblem(
      acceptedRelayHosts(this.identity),
      this.challenge,
      frame.device,
      frame.signature,
    );
    if (problem) {
      this.error(0, 'authFailed', problem);
      return this.close(CloseCode.policy, 'authentication failed');
    }
    const device = frame.device;
    const deviceHex = toHex(device);
    this.admittedDevice = deviceHex;
    this.ctx.devices.admit(deviceHex, this)?.displace();
    clearTimeout(this.authTimer);
    this.authTimer = undefined;
    this.challenge = null;
    this.signedIn = this.session(device);
    this.leaveDeviceTopic = this.ctx.fanout.subscribe(deviceTopic(deviceHex), (m) => {
      this.sendBytes(m.frame);
      if (m.frame[1] === RelayFrameType.groupChanged) void this.dropIfDeparted(device, m.frame);
    });
    this.send({ type: 'authOk' });
  }

  /**
   * The first frame must be HELLO: a client that sends AUTH (or anything) first speaks the handshake
   * of before the relay had an identity key, and is told so plainly, then closed.
   */
  private hello(frame: ClientFrame): void {
    if (frame.type !== 'hello') {
      const requestId = 'requestId' in frame ? frame.requestId : 0;
      this.error(
        requestId,
        'notAuthenticated',
        'HELLO first: this relay signs its identity before AUTH (protocol v4); update Suviaz',
      );
      return this.close(CloseCode.policy, 'HELLO first');
    }
    this.challenge = newChallenge();
    this.send(challengeFrame(this.identity, frame.nonce, this.challenge));
  }

  /**
   * A device removed from a group (or that left) stops receiving its documents at once, even on a
   * subscription made while it was a member: new-epoch ciphertext and presence are not for it.
   */
  private async dropIfDeparted(device: Uint8Array, frame: Uint8Array): Promise<void> {
    let groupId: Uint8Array;
    try {
      const decoded = decodeRelayFrame(frame);
      if (decoded.type !== 'groupChanged') return;
      groupId = decoded.groupId;
    } catch {
      return;
    }
    try {
      const state = await this.ctx.groups.get(groupId);
      if (state && !isMember(state, device)) this.subscriptions.endGroup(groupId);
    } catch (error) {
      // The membership could not be read (the store failed): a removed device must not go on
      // receiving, and a member must not silently stop. Closing does both: the client connects
      // again, and its SUBSCRIBE is checked against the group then.
      this.log(
        `${this.id} membership check failed: ${error instanceof Error ? error.name : 'unknown'}`,
      );
      this.close(CloseCode.internal, 'membership check failed');
    }
  }

  private session(device: Uint8Array): Session {
    return {
      id: this.id,
      device,
      subscriptions: this.subscriptions,
      send: (frame) => this.send(frame),
      drained: () => this.drained(),
      isOpen: () => !this.closing,
      resync: () => void this.shutdown(),
    };
  }

  private malformed(requestId: number, message: string): void {
    this.error(requestId, 'malformed', message);
    this.countMalformed();
  }

  private countMalformed(): void {
    this.malformedInARow++;
    // Before auth there is no benefit of the doubt; after it, a few mistakes are tolerated.
    if (!this.signedIn || this.malformedInARow >= this.ctx.limits.maxConsecutiveMalformed) {
      this.close(CloseCode.policy, 'too many malformed frames');
    }
  }

  private error(requestId: number, code: RelayErrorName, message: string): void {
    this.ctx.metrics.reject(code);
    this.send({ type: 'error', requestId, code: RelayError[code], message });
  }

  private unexpected(error: unknown, requestId = 0): void {
    // Never log the frame; the error's name is enough to look for the bug.
    this.log(`${this.id} internal error: ${error instanceof Error ? error.name : 'unknown'}`);
    this.error(requestId, 'internal', 'the relay failed to handle this frame');
  }

  private send(frame: RelayFrame): void {
    this.sendBytes(encodeRelayFrame(frame));
  }

  private sendBytes(bytes: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.ctx.limits.maxBufferedBytes) {
      return this.close(CloseCode.tooSlow, 'too slow');
    }
    this.ctx.metrics.framesOut++;
    this.sentSinceBeat = true;
    this.ws.send(bytes, { binary: true });
  }

  /**
   * Waits until the send queue is below a quarter of the limit. A client whose queue does not
   * shrink for stalledReaderMs meanwhile is dropped (terminated: it would not read a close frame
   * either). The queue shrinks only as whole writes complete, and one write can hold all of it
   * (~4 MiB), hence minutes: a client that reads at all is waited for, and one on a very slow link
   * dropped mid-way keeps what it got and catches up the rest after reconnecting.
   */
  private async drained(): Promise<void> {
    const threshold = Math.min(this.ctx.limits.maxBufferedBytes / 4, 4 * 1024 * 1024);
    let lowest = this.ws.bufferedAmount;
    let since = Date.now();
    while (!this.closed && this.ws.bufferedAmount > threshold) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      const queued = this.ws.bufferedAmount;
      if (queued < lowest) {
        lowest = queued;
        since = Date.now();
      } else if (Date.now() - since > this.ctx.limits.stalledReaderMs) {
        // Nothing more is handled or sent for it, and the catch-up stops (isOpen).
        this.closing = true;
        this.ws.terminate();
        return;
      }
    }
  }

  private close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    // Frames after this are ignored, but the peer's close frame must still be read.
    this.queue.resumeForClose();
    this.ws.close(code, reason);
  }

  private cleanUp(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    clearTimeout(this.authTimer);
    this.subscriptions.endAll();
    this.leaveDeviceTopic?.();
    if (this.admittedDevice) this.ctx.devices.release(this.admittedDevice, this);
    this.ctx.metrics.connections--;
    this.log(`${this.id} closed ${code}`);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
