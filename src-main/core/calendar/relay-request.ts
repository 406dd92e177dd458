// The relay connection for a calendar request, or the API's "not reachable" error.
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import type { RelayConnection } from '../sync/relay-connection';

export function requireConnection(access: DocAccess): RelayConnection {
  const c = access.connection();
  if (!c || c.status() !== 'connected') {
    throw new SuviazError(
      'relay-unreachable',
      'Not connected to the relay. Try again when online.',
    );
  }
  return c;
}
