// Every API method's implementation, registered in this one table (DESIGN.md §2). Arguments arrive
// already validated by dispatch(); each handler only does the work.
import { getDeviceIdentity } from '../identity/device-identity';
import { getSettings, updateSettings } from '../settings/settings';
import type { Session } from '../session/session';
import type { HandlerTable } from './dispatch';

export function createHandlers(session: Session): HandlerTable {
  const notes = () => session.unlocked().notes;
  const db = () => session.unlocked().vault.db;

  return {
    'vault.status': () => session.status(),
    'vault.create': ({ passphrase }) => session.create(passphrase),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.lock': () => session.lock('user'),
    'vault.changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'session.activity': () => session.activity(),
    'settings.get': () => getSettings(db()),
    'settings.update': (patch) => {
      const settings = updateSettings(db(), patch);
      session.setAutoLockMinutes(settings.autoLockMinutes);
      return settings;
    },
    'device.identity': () => getDeviceIdentity(db()),
    'notes.list': (args) => notes().list(args),
    'notes.get': ({ id }) => notes().get(id),
    'notes.create': (args) => notes().create(args),
    'notes.update': (args) => notes().update(args),
    'notes.trash': ({ id }) => notes().trash(id),
    'notes.restore': ({ id }) => notes().restore(id),
    'notes.purge': ({ id }) => notes().purge(id),
    'notes.emptyTrash': () => notes().emptyTrash(),
    'notes.search': ({ query }) => notes().search(query),
    'notes.tags': () => notes().tags(),
  };
}
