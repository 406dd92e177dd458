// Turns relay and device-code failures into the API's error codes, so the renderer can say what to
// do; anything else passes through untouched (dispatch hides it as 'internal').
import { DeviceCodeError } from '../groups/device-code';
import { SuviazError } from '../errors';
import { RelayRequestError } from './relay-requests';

const INVITE_ERRORS: Partial<
  Record<string, 'invite-invalid' | 'invite-used' | 'invite-revoked' | 'invite-expired'>
> = {
  unknownInvite: 'invite-invalid',
  inviteUsed: 'invite-used',
  inviteRevoked: 'invite-revoked',
  inviteExpired: 'invite-expired',
};

/** The API error a failure stands for, or the failure itself when it is none of ours. */
export function apiErrorOf(error: unknown): unknown {
  if (error instanceof DeviceCodeError)
    return new SuviazError('invalid-device-code', error.message);
  if (!(error instanceof RelayRequestError)) return error;
  if (error.code === 'offline' || error.code === 'timeout' || error.code === 'shuttingDown') {
    return new SuviazError('relay-unreachable', error.message);
  }
  const inviteProblem = INVITE_ERRORS[error.code];
  if (inviteProblem) return new SuviazError(inviteProblem, error.message);
  if (error.code === 'notMember') return new SuviazError('not-member', error.message);
  // A share the relay does not have: never stored, withdrawn or expired look the same on purpose.
  if (error.code === 'unknownShare') return new SuviazError('share-expired', error.message);
  return new SuviazError('relay-refused', `${error.code}: ${error.message}`);
}

export async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw apiErrorOf(error);
  }
}
