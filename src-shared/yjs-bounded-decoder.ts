// Reads a Yjs update from someone else on a budget. Yjs's run-length readers repeat their last value
// for ever, so a few bytes can claim billions of structs or strings, and Yjs would build an object
// for each (a 21-byte update made it build 10 million in 15 s): every read the decoder makes counts
// against a budget that grows with the update's size, and one that overspends is refused.
import type * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Reads allowed per byte of update, plus a base for small ones. Yjs's own encoder needed at most 3
 * for the densest document we could make, 0.2 to 0.5 for real editing traces (docs/protocol.md,
 * "Updates that claim more than they hold"); 8 still bounds a frame's update to a few million.
 */
export const READS_PER_BYTE = 8;
export const READS_BASE = 4096;

export class UpdateTooDenseError extends Error {
  constructor() {
    super('the update claims far more content than its bytes can hold');
    this.name = 'UpdateTooDenseError';
  }
}

/** Pass to Y.applyUpdateV2 / Y.decodeUpdateV2 as their decoder class. */
export class BoundedUpdateDecoderV2 extends Y.UpdateDecoderV2 {
  private budget: number;

  constructor(decoder: decoding.Decoder) {
    super(decoder);
    this.budget = READS_BASE + READS_PER_BYTE * decoder.arr.length;
  }

  private spend(): void {
    if (--this.budget < 0) throw new UpdateTooDenseError();
  }

  override readDsClock(): number {
    this.spend();
    return super.readDsClock();
  }
  override readDsLen(): number {
    this.spend();
    return super.readDsLen();
  }
  override readLeftID(): Y.ID {
    this.spend();
    return super.readLeftID();
  }
  override readRightID(): Y.ID {
    this.spend();
    return super.readRightID();
  }
  override readClient(): number {
    this.spend();
    return super.readClient();
  }
  override readInfo(): number {
    this.spend();
    return super.readInfo();
  }
  override readString(): string {
    this.spend();
    return super.readString();
  }
  override readParentInfo(): boolean {
    this.spend();
    return super.readParentInfo();
  }
  override readTypeRef(): number {
    this.spend();
    return super.readTypeRef();
  }
  override readLen(): number {
    this.spend();
    return super.readLen();
  }
  override readAny(): unknown {
    this.spend();
    return super.readAny();
  }
  override readBuf(): Uint8Array {
    this.spend();
    return super.readBuf();
  }
  override readJSON(): unknown {
    this.spend();
    return super.readJSON();
  }
  override readKey(): string {
    this.spend();
    return super.readKey();
  }
}
