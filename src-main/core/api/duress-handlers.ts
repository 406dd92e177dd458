// The duress passphrase's calls (src-shared/api.ts, 'duress.*'): each is one step of the session.
import type { Session } from '../session/session';
import type { HandlerTable } from './dispatch';

export type DuressMethod =
  'duress.status' | 'duress.set' | 'duress.remove' | 'duress.dismissUnfinished' | 'duress.prepare';

export function duressHandlers(session: Session): Pick<HandlerTable, DuressMethod> {
  return {
    'duress.status': () => session.duressStatus(),
    'duress.set': ({ passphrase, destroysVault }) => session.setDuress(passphrase, destroysVault),
    'duress.remove': () => session.removeDuress(),
    'duress.dismissUnfinished': () => session.dismissUnfinishedDuress(),
    'duress.prepare': ({ passphrase }) => session.prepareDecoy(passphrase),
  };
}
