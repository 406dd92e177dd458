// What a sync warning says: a title and a sentence per reason, naming the member it is about (by the
// name this device knows, never by a key). Reasons main adds later fall back to a general message.
import type { TFunction } from 'i18next';
import type { SyncState } from '../../src-shared/api';

export type SyncWarning = SyncState['warnings'][number];

/**
 * relay: the relay may be misbehaving (tell the others). member: one member's change was ignored.
 * waiting: nothing is wrong yet, edits wait. outdated: the space cannot be opened any more.
 * rotated: the relay's operator changed its identity key, signed by the old one (for information).
 * device: this device could not store something (a full disk): the user can act.
 */
export type WarningTone = 'relay' | 'member' | 'waiting' | 'outdated' | 'rotated' | 'device';

export interface WarningMessage {
  tone: WarningTone;
  title: string;
  text: string;
}

/** Reasons about what the relay delivered; their texts name no member. */
const RELAY_REASONS = [
  'tampered',
  'forged',
  'spliced',
  'replayed',
  'gap',
  'unknown-snapshot',
  'rolled-back',
  'omits-my-updates',
  'tampered-presence',
  'frame-failed',
] as const;
type RelayReason = (typeof RELAY_REASONS)[number];

/** Why a space's membership data was refused (`group-<GroupRejection>`): three sentences cover them. */
const GROUP_REASONS = {
  'group-invalid-log': 'group-log',
  'group-forked-log': 'group-log',
  'group-lockbox-not-from-admin': 'group-lockbox',
  'group-lockbox-bad-signature': 'group-lockbox',
  'group-lockbox-not-for-me': 'group-lockbox',
  'group-lockbox-key-mismatch': 'group-lockbox',
  'group-bad-metadata': 'group-metadata',
} as const;

/** Reasons about one member (when named), with the text key their sentence is under. */
const MEMBER_REASONS = {
  'bad-update': { tone: 'member', key: 'bad-update' },
  'log-ahead': { tone: 'waiting', key: 'log-ahead' },
  'log-withheld': { tone: 'relay', key: 'log-withheld' },
  'forked-log': { tone: 'relay', key: 'forked' },
  'forked-document': { tone: 'relay', key: 'forked' },
  // The relay refused my update as naming another proof of the active snapshot: a fork again.
  'relay-refused-snapshotConflict': { tone: 'relay', key: 'forked' },
} as const;

/**
 * Reasons about this device's own edits and storage, with the text key their sentence is under:
 * nothing anyone did wrong, and no internal code shown. `relay-refused-<code>` is the relay's
 * answer to a publish (its quota codes have their own sentence).
 */
const OWN_REASONS = {
  'store-failed': { tone: 'device', key: 'store-failed' },
  'publish-failed': { tone: 'waiting', key: 'publish-failed' },
  'subscribe-refused': { tone: 'waiting', key: 'subscribe-refused' },
  'relay-refused-quotaBytes': { tone: 'waiting', key: 'quota-bytes' },
  'relay-refused-quotaDocuments': { tone: 'waiting', key: 'quota-documents' },
  'update-too-large': { tone: 'waiting', key: 'update-too-large' },
  'snapshot-too-large': { tone: 'waiting', key: 'snapshot-too-large' },
} as const;
const RELAY_REFUSED = 'relay-refused-';
type OwnKey = (typeof OWN_REASONS)[keyof typeof OWN_REASONS]['key'] | 'relay-refused';

/** The table's entry for a reason; own keys only, since a reason may be any string ('toString'). */
function entryFor<T extends object>(table: T, reason: string): T[keyof T] | undefined {
  return Object.hasOwn(table, reason) ? table[reason as keyof T] : undefined;
}

function ownReason(reason: string): { tone: WarningTone; key: OwnKey } | null {
  const own = entryFor(OWN_REASONS, reason);
  if (own) return own;
  return reason.startsWith(RELAY_REFUSED) ? { tone: 'waiting', key: 'relay-refused' } : null;
}

function isRelayReason(reason: string): reason is RelayReason {
  return (RELAY_REASONS as readonly string[]).includes(reason);
}

function title(t: TFunction, tone: WarningTone): string {
  return tone === 'relay' ? t('sync.warningTitle') : t(`sync.titles.${tone}`);
}

export function syncWarningMessage(
  t: TFunction,
  warning: Pick<SyncWarning, 'reason' | 'member'>,
): WarningMessage {
  const { reason } = warning;
  const about = entryFor(MEMBER_REASONS, reason);
  if (about) {
    const { tone, key } = about;
    const member = warning.member?.trim() ?? '';
    // Each language words the unnamed case as a whole sentence ("A member sent…"), so that case and
    // gender come out right instead of a name-shaped hole filled with "a member".
    const text =
      member === '' ? t(`sync.unnamedReasons.${key}`) : t(`sync.reasons.${key}`, { member });
    return { tone, title: title(t, tone), text };
  }
  const own = ownReason(reason);
  if (own) return { tone: own.tone, title: title(t, own.tone), text: t(`sync.own.${own.key}`) };
  const group = entryFor(GROUP_REASONS, reason);
  if (group) return { tone: 'relay', title: title(t, 'relay'), text: t(`sync.reasons.${group}`) };
  if (reason === 'relay-key-rotated') {
    return {
      tone: 'rotated',
      title: title(t, 'rotated'),
      text: t('sync.reasons.relay-key-rotated'),
    };
  }
  if (reason === 'outdated-space') {
    return {
      tone: 'outdated',
      title: title(t, 'outdated'),
      text: t('sync.reasons.outdated-space'),
    };
  }
  return {
    tone: 'relay',
    title: title(t, 'relay'),
    text: isRelayReason(reason) ? t(`sync.reasons.${reason}`) : t('sync.reasons.other', { reason }),
  };
}

/** Warnings that ask for action come first and are announced at once; the calm ones politely. */
export function isUrgent(message: Pick<WarningMessage, 'tone'>): boolean {
  return message.tone === 'relay' || message.tone === 'member' || message.tone === 'device';
}
