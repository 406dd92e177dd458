// A raw protocol client for relay tests: Ed25519 devices from node:crypto, a WebSocket that says
// HELLO, authenticates and queues every relay frame, and builders of signed membership entries, lockboxes
// and envelopes. The ciphertext is random bytes: the relay cannot tell it from real ciphertext.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import WebSocket from 'ws';
import {
  ciphertextHashInput,
  encodeEnvelope,
  encodeHeader,
  envelopeSigningBytes,
  snapshotProofInput,
  ZERO_HASH,
  ZERO_ID,
  type AuthorClock,
  type EnvelopeHeader,
} from '../../src-shared/protocol/envelope';
import {
  authSigningBytes,
  decodeRelayFrame,
  encodeClientFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';
import { inviteFetchSigningBytes } from '../../src-shared/protocol/invite-fetch';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import { encodeLockbox, lockboxSigningBytes } from '../../src-shared/protocol/lockbox';
import {
  encodeEntry,
  encodeEntryBody,
  entryHashInput,
  entrySigningBytes,
  joinSigningBytes,
  type MembershipOp,
} from '../../src-shared/protocol/membership-entry';
import type { RoleName } from '../../src-shared/protocol/wire-constants';

export const sha256 = (input: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(input).digest());
export const randomId = (): Uint8Array => new Uint8Array(randomBytes(16));
export const randomBytesU8 = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

export interface TestDevice {
  /** Raw 32-byte Ed25519 public key. */
  key: Uint8Array;
  /** Stand-in X25519 key: the relay only stores it. */
  boxKey: Uint8Array;
  privateKey: KeyObject;
  sign(data: Uint8Array): Uint8Array;
}

export function newDevice(): TestDevice {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error('no public key');
  return {
    key: new Uint8Array(Buffer.from(x, 'base64url')),
    boxKey: randomBytesU8(32),
    privateKey,
    sign: (data) => new Uint8Array(sign(null, data, privateKey)),
  };
}

// ---- membership log -------------------------------------------------------------------------

export function signEntry(
  author: TestDevice,
  body: { groupId: Uint8Array; index: number; prevHash: Uint8Array; op: MembershipOp },
): Uint8Array {
  const bodyBytes = encodeEntryBody({ ...body, author: author.key, timestamp: Date.now() });
  return encodeEntry(bodyBytes, author.sign(entrySigningBytes(bodyBytes)));
}

/** A group's log as a client builds it: each accepted entry moves the head on. */
export class TestGroupLog {
  constructor(readonly groupId: Uint8Array = randomId()) {}

  /** Hash of each accepted entry, by index. */
  readonly hashes: Uint8Array[] = [];

  get length(): number {
    return this.hashes.length;
  }

  /** The group's first entry, accepted; policy is a set of PolicyFlag bits. */
  create(admin: TestDevice, policy = 0): Uint8Array {
    return this.accept(
      this.entry(admin, {
        type: 'create',
        creatorBoxKey: admin.boxKey,
        epochKeyCommitment: randomBytesU8(32),
        metadata: randomBytesU8(40),
        policy,
      }),
    );
  }

  /** An entry at index (default: the next), chained to the entry before it; not yet accepted. */
  entry(author: TestDevice, op: MembershipOp, index = this.length): Uint8Array {
    return signEntry(author, {
      groupId: this.groupId,
      index,
      prevHash: this.hashes[index - 1] ?? ZERO_HASH,
      op,
    });
  }

  addMember(
    author: TestDevice,
    member: TestDevice,
    role: RoleName,
    index = this.length,
  ): Uint8Array {
    const op: MembershipOp = {
      type: 'add-member',
      member: member.key,
      memberBoxKey: member.boxKey,
      role,
    };
    return this.entry(author, op, index);
  }

  /** A join by `joiner`, signed with the invite key as the link's holder writes it. */
  join(invite: TestDevice, joiner: TestDevice): Uint8Array {
    const proof = joinSigningBytes(this.groupId, invite.key, joiner.key, joiner.boxKey);
    return this.entry(invite, {
      type: 'join',
      member: joiner.key,
      memberBoxKey: joiner.boxKey,
      memberSignature: joiner.sign(proof),
    });
  }

  accept(entry: Uint8Array): Uint8Array {
    this.hashes.push(sha256(entryHashInput(entry)));
    return entry;
  }
}

/** A new group whose first entry the admin's client appended; policy is a set of PolicyFlag bits. */
export async function createGroup(
  client: RelayTestClient,
  admin: TestDevice,
  policy = 0,
): Promise<TestGroupLog> {
  const log = new TestGroupLog();
  const reply = await client.request({ type: 'groupAppend', entry: log.create(admin, policy) });
  if (reply.type !== 'ok') throw new Error(`group not created: ${JSON.stringify(reply)}`);
  return log;
}

/** A new document in the group: its first snapshot, published by `author` and stored at seq 1. */
export async function createDoc(
  client: RelayTestClient,
  author: TestDevice,
  log: TestGroupLog,
): Promise<{ doc: TestDoc; snapshot: BuiltEnvelope }> {
  const doc = new TestDoc(log);
  const snapshot = doc.snapshot(author);
  const reply = await client.request({ type: 'publish', envelope: snapshot.bytes });
  if (reply.type !== 'ack' || reply.seq !== 1) {
    throw new Error(`document not created: ${JSON.stringify(reply)}`);
  }
  doc.commitSnapshot(snapshot);
  return { doc, snapshot };
}

/** INVITE_FETCH's proof that `device` holds the invite key (stands in for the link's seed). */
export function inviteFetchSignature(
  invite: TestDevice,
  groupId: Uint8Array,
  device: TestDevice,
): Uint8Array {
  return invite.sign(inviteFetchSigningBytes(groupId, invite.key, device.key));
}

export function buildLockbox(
  author: TestDevice,
  fields: { groupId: Uint8Array; epoch: number; recipient: Uint8Array; sealed?: Uint8Array },
): Uint8Array {
  const body = { ...fields, sealed: fields.sealed ?? randomBytesU8(80), author: author.key };
  return encodeLockbox({ ...body, signature: author.sign(lockboxSigningBytes(body)) });
}

// ---- envelopes ------------------------------------------------------------------------------

export interface BuiltEnvelope {
  bytes: Uint8Array;
  ciphertextHash: Uint8Array;
  ciphertext: Uint8Array;
}

export function buildEnvelope(
  author: TestDevice,
  header: Omit<EnvelopeHeader, 'author'>,
  ciphertext: Uint8Array = randomBytesU8(64),
): BuiltEnvelope {
  const headerBytes = encodeHeader({ ...header, author: author.key });
  const nonce = randomBytesU8(24);
  const ciphertextHash = sha256(ciphertextHashInput(ciphertext));
  const signature = author.sign(envelopeSigningBytes(headerBytes, nonce, ciphertextHash));
  return {
    bytes: encodeEnvelope({ headerBytes, nonce, ciphertext, signature }),
    ciphertextHash,
    ciphertext,
  };
}

/** A document as a writing client tracks it: active snapshot, proof, generation, clocks. */
export class TestDoc {
  readonly docId = randomId();
  activeId: Uint8Array = ZERO_ID;
  proof: Uint8Array = ZERO_HASH;
  generation = 0;
  clocks = new Map<string, AuthorClock>();
  epoch = 0;
  readonly groupId: Uint8Array;
  /** The log whose head the envelopes name (v3); a bare group id names a log of one unknown entry. */
  private readonly groupLog: TestGroupLog | null;

  constructor(group: TestGroupLog | Uint8Array) {
    this.groupLog = group instanceof TestGroupLog ? group : null;
    this.groupId = group instanceof TestGroupLog ? group.groupId : group;
  }

  /** The membership log head the next envelope names: the log's current one. */
  logHead(): { length: number; head: Uint8Array } {
    const log = this.groupLog;
    if (!log || log.length === 0) return { length: 1, head: ZERO_HASH };
    return { length: log.length, head: log.hashes[log.length - 1] ?? ZERO_HASH };
  }

  private basis(): { generation: number; proof: Uint8Array } {
    return { generation: this.generation, proof: this.proof };
  }

  /** The next snapshot over the current one; call commitSnapshot once the relay accepted it. */
  snapshot(
    author: TestDevice,
    options: {
      parentClocks?: AuthorClock[];
      ciphertext?: Uint8Array;
      snapshotId?: Uint8Array;
    } = {},
  ): BuiltEnvelope & { snapshotId: Uint8Array; proof: Uint8Array } {
    const snapshotId = options.snapshotId ?? randomId();
    const built = buildEnvelope(
      author,
      {
        kind: 'snapshot',
        groupId: this.groupId,
        docId: this.docId,
        epoch: this.epoch,
        snapshotId,
        clock: 0,
        log: this.logHead(),
        basis: null,
        snapshot: {
          parentId: this.activeId,
          parentProof: this.proof,
          generation: this.generation + 1,
          parentClocks: options.parentClocks ?? [...this.clocks.values()],
        },
      },
      options.ciphertext,
    );
    const proof = sha256(snapshotProofInput(this.proof, snapshotId, built.ciphertextHash));
    return { ...built, snapshotId, proof };
  }

  commitSnapshot(snapshot: { snapshotId: Uint8Array; proof: Uint8Array }): void {
    this.activeId = snapshot.snapshotId;
    this.proof = snapshot.proof;
    this.generation++;
    this.clocks.clear();
  }

  /** An update on the active snapshot with the author's next clock (or the one given). */
  update(
    author: TestDevice,
    options: { clock?: number; snapshotId?: Uint8Array; ciphertext?: Uint8Array } = {},
  ): BuiltEnvelope & { clock: number } {
    const hex = Buffer.from(author.key).toString('hex');
    const clock = options.clock ?? (this.clocks.get(hex)?.clock ?? 0) + 1;
    const built = buildEnvelope(
      author,
      {
        kind: 'update',
        groupId: this.groupId,
        docId: this.docId,
        epoch: this.epoch,
        snapshotId: options.snapshotId ?? this.activeId,
        clock,
        log: this.logHead(),
        basis: this.basis(),
        snapshot: null,
      },
      options.ciphertext,
    );
    return { ...built, clock };
  }

  commitUpdate(author: TestDevice, clock: number): void {
    this.clocks.set(Buffer.from(author.key).toString('hex'), { author: author.key, clock });
  }

  ephemeral(author: TestDevice, ciphertext?: Uint8Array): BuiltEnvelope {
    return buildEnvelope(
      author,
      {
        kind: 'ephemeral',
        groupId: this.groupId,
        docId: this.docId,
        epoch: this.epoch,
        snapshotId: this.activeId,
        clock: 1,
        log: this.logHead(),
        basis: this.basis(),
        snapshot: null,
      },
      ciphertext,
    );
  }
}

// ---- the connection -------------------------------------------------------------------------

type FrameOf<T extends RelayFrame['type']> = Extract<RelayFrame, { type: T }>;
const REPLY_TYPES = [
  'ok',
  'ack',
  'error',
  'groupEntries',
  'groupList',
  'invite',
  'share',
  'mailItems',
  'chunk',
] as const;
type Reply = FrameOf<(typeof REPLY_TYPES)[number]>;
type WithoutRequestId<F> = F extends { requestId: number } ? Omit<F, 'requestId'> : never;
export type RequestFrame = WithoutRequestId<ClientFrame>;

interface Waiter {
  match: (frame: RelayFrame) => boolean;
  resolve: (frame: RelayFrame) => void;
}

export class RelayTestClient {
  /** Frames received and not yet taken by next()/reply(). */
  readonly inbox: RelayFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Waiter[] = [];
  private nextRequestId = 1;
  challenge: Uint8Array | undefined;
  /** The relay's CHALLENGE (its identity key, signature and rotations), once HELLO was answered. */
  challengeFrame: FrameOf<'challenge'> | undefined;
  /** The nonce this client sent in HELLO. */
  readonly nonce = randomBytesU8(32);

  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.receive(decodeRelayFrame(new Uint8Array(data))));
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /**
   * Connects, says HELLO (unless `hello: false`) and, with a device, authenticates as it, signing
   * the challenge for `signHost` (default: the relay host of `url`, as a real client does).
   */
  static async connect(
    url: string,
    device?: TestDevice,
    options: {
      maxPayload?: number;
      signHost?: string;
      headers?: Record<string, string>;
      hello?: boolean;
      /** false: the socket does not answer the relay's pings (a peer that vanished). */
      autoPong?: boolean;
    } = {},
  ): Promise<RelayTestClient> {
    const ws = new WebSocket(url, {
      maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
      headers: options.headers,
      autoPong: options.autoPong ?? true,
    });
    const client = new RelayTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (options.hello === false) return client;
    client.send({ type: 'hello', nonce: client.nonce });
    client.challengeFrame = await client.next('challenge');
    client.challenge = client.challengeFrame.challenge;
    if (device) {
      client.send({
        type: 'auth',
        device: device.key,
        signature: device.sign(
          authSigningBytes(client.challenge, options.signHost ?? relayHostOfUrl(url)),
        ),
      });
      await client.next('authOk');
    }
    return client;
  }

  private receive(frame: RelayFrame): void {
    const waiter = this.waiters.find((w) => w.match(frame));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(frame);
    } else {
      this.inbox.push(frame);
    }
  }

  send(frame: ClientFrame): void {
    this.ws.send(encodeClientFrame(frame));
  }

  sendRaw(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  /** The next frame that matches, waiting up to timeoutMs. */
  nextMatching(match: (frame: RelayFrame) => boolean, timeoutMs = 5000): Promise<RelayFrame> {
    const index = this.inbox.findIndex(match);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0] as RelayFrame);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { match, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching frame within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(waiter);
    });
  }

  async next<T extends RelayFrame['type']>(type: T, timeoutMs = 5000): Promise<FrameOf<T>> {
    return (await this.nextMatching((f) => f.type === type, timeoutMs)) as FrameOf<T>;
  }

  /** The OK/ACK/ERROR/answer to a request id. */
  async reply(requestId: number, timeoutMs = 5000): Promise<Reply> {
    return (await this.nextMatching(
      (f) =>
        'requestId' in f &&
        f.requestId === requestId &&
        (REPLY_TYPES as readonly string[]).includes(f.type),
      timeoutMs,
    )) as Reply;
  }

  /** Sends a request with a fresh id and awaits its answer. */
  async request(frame: RequestFrame, timeoutMs = 5000): Promise<Reply> {
    const requestId = this.nextRequestId++;
    this.send({ ...frame, requestId } as ClientFrame);
    return this.reply(requestId, timeoutMs);
  }

  /** Sends a request without waiting; returns its id. */
  fire(frame: RequestFrame): number {
    const requestId = this.nextRequestId++;
    this.send({ ...frame, requestId } as ClientFrame);
    return requestId;
  }

  /** Frames of these types collected until CAUGHT_UP for the document (inclusive). */
  async collectUntilCaughtUp(timeoutMs = 5000): Promise<RelayFrame[]> {
    const frames: RelayFrame[] = [];
    for (;;) {
      const frame = await this.nextMatching(
        (f) => f.type === 'deliver' || f.type === 'snapshotLink' || f.type === 'caughtUp',
        timeoutMs,
      );
      frames.push(frame);
      if (frame.type === 'caughtUp') return frames;
    }
  }

  /** Subscribes to a document after `afterSeq` and collects its catch-up, CAUGHT_UP included. */
  async subscribeAndCatchUp(
    groupId: Uint8Array,
    docId: Uint8Array,
    afterSeq = 0,
    timeoutMs = 5000,
  ): Promise<RelayFrame[]> {
    await this.request({ type: 'subscribe', groupId, docId, afterSeq }, timeoutMs);
    return this.collectUntilCaughtUp(timeoutMs);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}
