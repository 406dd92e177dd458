// A request the relay refuses: becomes one ERROR frame with a RelayError code and a short message.
// The message names the rule that failed, never any content of the frame.
import type { RelayErrorName } from '../src-shared/protocol/wire-constants';

export class Refusal extends Error {
  constructor(
    readonly code: RelayErrorName,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export function refuse(code: RelayErrorName, message: string): never {
  throw new Refusal(code, message);
}
