// Setting (or replacing) the duress passphrase, and what Settings must show when that fails. A set
// that fails part-way (a full disk once the decoy is being rebuilt) gives up in main: the duress
// slot is made filler, so the previous duress passphrase opens nothing either (duress.ts, giveUp).
// The status is therefore read again after a failure, never assumed unchanged: Settings saying "set"
// would make someone rely on a passphrase that opens nothing, exactly when forced to unlock.
import type {
  ApiError,
  CallOutcome,
  DuressStatus,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../src-shared/api';

/** The bridge's call (bridge/call.ts), passed in so that tests can drive a real core with it. */
export type Caller = <M extends MethodName>(
  method: M,
  args: MethodArgs<M>,
) => Promise<CallOutcome<MethodResult<M>>>;

export type DuressSetResult =
  | { ok: true }
  /** `statusAfter`: read after the failure; null when that read failed too. */
  | { ok: false; error: ApiError; statusAfter: DuressStatus | null };

export async function setDuress(
  call: Caller,
  args: MethodArgs<'duress.set'>,
): Promise<DuressSetResult> {
  const outcome = await call('duress.set', args);
  if (outcome.ok) return { ok: true };
  const status = await call('duress.status', {});
  return { ok: false, error: outcome.error, statusAfter: status.ok ? status.value : null };
}

/**
 * The sentence under the error: said plainly when no duress passphrase is set now, and that the
 * previous one went too when it was a replace. Null when the status could not be read or says set.
 */
export function failedSetNote(
  replacing: boolean,
  statusAfter: DuressStatus | null,
): 'duress.failedNoneSet' | 'duress.failedPreviousGone' | null {
  if (statusAfter === null || statusAfter.set) return null;
  return replacing ? 'duress.failedPreviousGone' : 'duress.failedNoneSet';
}
