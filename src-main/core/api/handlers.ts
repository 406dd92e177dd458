// Every API method's implementation, registered in this one table (docs/design.md, "Processes"). Arguments arrive
// already validated by dispatch(); each handler only does the work.
import { splitRelayAddress } from '../sync/relay-address';
import { probeRelay } from '../sync/relay-probe';
import { adoptLinkRelayKey, forgetRelayPin, getRelayPin } from '../sync/relay-pins';
import { relayFingerprint } from '../../../src-shared/protocol/relay-fingerprint';
import { proxyAgent } from '../sync/relay-proxy';
import { rendererUpdateToV2 } from '../sync/renderer-update';
import { parseInviteLink } from '../groups/invite-link';
import { getDeviceIdentity } from '../identity/device-identity';
import { getSettings, updateSettings } from '../settings/settings';
import { setReminder } from '../calendar/reminder-store';
import type { LanRelay } from '../lan-relay/lan-relay';
import type { Session } from '../session/session';
import { createShellServices, type ShellServices } from '../shell/shell-services';
import type { AppearanceMethod } from './appearance-handlers';
import { briefingHandlers } from './briefing-handlers';
import { duressHandlers } from './duress-handlers';
import type { HandlerTable } from './dispatch';

export function createHandlers(
  session: Session,
  lanRelay: LanRelay,
  /** The shell's windows and clipboard; none by default (as in the browser host). */
  shell: ShellServices = createShellServices(),
): Omit<HandlerTable, AppearanceMethod> {
  const notes = () => session.unlocked().notes;
  const db = () => session.unlocked().vault.db;
  const sync = () => session.unlocked().sync;
  const engine = () => sync().engine();
  const cal = () => sync().calendar();
  const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

  return {
    'vault.status': () => session.status(),
    'vault.create': ({ passphrase }) => session.create(passphrase),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.lock': () => session.lock('user'),
    'vault.panicWipe': async () => {
      try {
        await session.panicWipe();
      } finally {
        // The relay this computer hosted for the local network holds the spaces' membership too.
        await lanRelay.wipe();
      }
    },
    'vault.changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    ...duressHandlers(session),
    'session.activity': () => session.activity(),
    'settings.get': () => getSettings(db()),
    'settings.update': async (patch) => {
      if (patch.relayUrl) {
        // An address with the relay's key (a scanned code): pinned as an invite link's key is.
        const { url, key } = splitRelayAddress(patch.relayUrl);
        adoptLinkRelayKey(db(), url, key);
        patch = { ...patch, relayUrl: url };
      }
      const settings = updateSettings(db(), patch);
      session.setAutoLockMinutes(settings.autoLockMinutes);
      shell.applySettings(settings);
      await sync().setConnection(settings.relayUrl, settings.proxy);
      if (patch.displayName !== undefined) engine().nameChanged();
      return settings;
    },
    'device.identity': () => getDeviceIdentity(db()),
    'relay.check': async ({ url: entered, proxy }) => {
      const { url, key } = splitRelayAddress(entered);
      const probe = await probeRelay(url, { agent: proxyAgent(proxy ?? getSettings(db()).proxy) });
      const expected = key ?? getRelayPin(db(), url)?.key ?? null;
      const matchesPin =
        expected && probe.relayKey ? Buffer.from(expected).equals(probe.relayKey) : null;
      return {
        result: probe.result,
        detail: probe.detail,
        fingerprint: probe.fingerprint,
        matchesPin,
      };
    },
    'relay.pin': ({ url }) => {
      const pinned = getRelayPin(db(), url);
      return pinned
        ? { fingerprint: relayFingerprint(pinned.key), pinnedAt: pinned.pinnedAt }
        : null;
    },
    'relay.forgetPin': ({ url }) => {
      forgetRelayPin(db(), url);
      // A relay refused for its changed key is tried now, and pins what it presents.
      if (getSettings(db()).relayUrl === url) engine().retryNow();
      return null;
    },
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
    'device.code': () => engine().myDeviceCode(),
    'sync.state': () => engine().state(),
    'sync.retryNow': () => engine().retryNow(),
    'spaces.list': () => engine().listSpaces(),
    'spaces.create': ({ name, policy }) => engine().createSpace(name, policy),
    'spaces.addMember': ({ spaceId, deviceCode, role }) =>
      engine().addMember(spaceId, deviceCode, role),
    'spaces.createInvite': ({ spaceId, role, expiresInDays }) =>
      engine().createInvite(spaceId, role, expiresInDays),
    'spaces.revokeInvite': ({ spaceId, inviteId }) => engine().revokeInvite(spaceId, inviteId),
    'spaces.join': async ({ link }) => {
      // A first invite on a device with no relay yet: the link says which relay, so use it; if the
      // join then fails, the device goes back to having no relay rather than keeping a stranger's.
      if (getSettings(db()).relayUrl !== '') return engine().join(link);
      const { relayUrl, relayKey } = parseInviteLink(link);
      // The link's relay key is checked against (or becomes) this device's pin before connecting.
      adoptLinkRelayKey(db(), relayUrl, relayKey);
      updateSettings(db(), { relayUrl });
      await sync().setConnection(relayUrl, getSettings(db()).proxy);
      try {
        return await engine().join(link);
      } catch (error) {
        updateSettings(db(), { relayUrl: '' });
        await sync().setConnection('', getSettings(db()).proxy);
        throw error;
      }
    },
    'spaces.setRole': ({ spaceId, deviceKey, role }) => engine().setRole(spaceId, deviceKey, role),
    'spaces.removeMember': ({ spaceId, deviceKey }) => engine().removeMember(spaceId, deviceKey),
    'spaces.leave': ({ spaceId }) => engine().leave(spaceId),
    'spaces.acceptInvitation': ({ spaceId }) => engine().acceptInvitation(spaceId),
    'spaces.declineInvitation': ({ spaceId }) => engine().declineInvitation(spaceId),
    'spaces.approve': ({ spaceId, index }) => engine().approve(spaceId, index),
    'spaces.decline': ({ spaceId, index }) => engine().decline(spaceId, index),
    'spaces.setPolicy': ({ spaceId, policy }) => engine().setPolicy(spaceId, policy),
    'spaces.forget': ({ spaceId }) => engine().forget(spaceId),
    'spaces.exportBundle': ({ spaceId }) => {
      const { bytes, fileName } = engine().exportBundle(spaceId);
      return { bundle: Buffer.from(bytes).toString('base64'), fileName };
    },
    'spaces.importBundle': ({ bundle }) => engine().importBundle(bytes(bundle)),
    'tasks.mine': () => engine().myTasks(),
    'contacts.setVerified': ({ deviceKey, verified }) => engine().setVerified(deviceKey, verified),
    'docs.open': ({ docId }) => ({
      updates: engine()
        .openDocument(docId)
        .map((update) => Buffer.from(update).toString('base64')),
    }),
    'docs.close': ({ docId }) => engine().closeDocument(docId),
    'docs.update': ({ docId, update }) =>
      engine().applyLocalUpdate(docId, rendererUpdateToV2(bytes(update))),
    'docs.presence': ({ docId, cursor }) =>
      engine().setPresence(docId, getSettings(db()).displayName, cursor),
    'orgs.list': ({ spaceId }) => cal().orgs.list(spaceId),
    'orgs.create': ({ spaceId, name, admin }) => cal().orgs.create(spaceId, name, admin),
    'orgs.addMember': ({ spaceId, orgId, deviceKey, role }) =>
      cal().orgs.addMember(spaceId, orgId, deviceKey, role),
    'orgs.removeMember': ({ spaceId, orgId, deviceKey }) =>
      cal().orgs.removeMember(spaceId, orgId, deviceKey),
    'calendar.range': (args) => cal().calendar.range(args),
    'calendar.get': ({ spaceId, eventId, occurrence }) =>
      cal().calendar.get(spaceId, eventId, occurrence),
    'calendar.save': (args) => cal().calendar.save(args),
    'calendar.delete': (args) => cal().removeEvent(args),
    'calendar.setReminder': ({ spaceId, eventId, minutes }) => {
      cal().calendar.get(spaceId, eventId);
      setReminder(db(), spaceId, eventId, minutes);
    },
    'calendar.importIcs': (args) => cal().ics.importIcs(args),
    'calendar.exportIcs': (args) => cal().ics.exportIcs(args),
    'calendar.shareLink': (args) => cal().sharing.shareLink(args),
    'calendar.shareWith': (args) => cal().sharing.shareWith(args),
    'calendar.openShared': ({ link }) => cal().sharing.openShared(link),
    'calendar.shared': () => cal().sharing.shared(),
    'calendar.links': (args) => cal().sharing.links(args),
    'calendar.stopLink': ({ id }) => cal().sharing.stopLink(id),
    'calendar.memberShares': (args) => cal().sharing.memberShares(args),
    'calendar.stopMemberShare': ({ id }) => cal().sharing.stopMemberShare(id),
    ...briefingHandlers(session),
    'lanRelay.interfaces': () => lanRelay.interfaces(),
    'lanRelay.start': ({ address, port }) => lanRelay.start(address, port),
    'lanRelay.stop': () => lanRelay.stop(),
    'lanRelay.status': () => lanRelay.status(),
    'app.capabilities': () => shell.capabilities(),
    'app.quickExit': async () => {
      // Out of sight first (that is what the moment needs), then the keys go.
      const done = await shell.quickExit();
      await session.lock('exit');
      return done;
    },
    'clipboard.copySensitive': ({ text }) => shell.copySensitive(text),
  };
}
