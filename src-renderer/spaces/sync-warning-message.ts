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

/**
 * Every reason main gives, with its tone and the sentence it gets: `reasons.<key>` names no one,
 * `own.<key>` is about this device, and `member.<key>` names the member it is about
 * (`sync.reasons.<key>`), or says "a member" in a sentence of its own (`sync.unnamedReasons.<key>`).
 * `relay-refused-<code>` (the relay's answer to a publish) not listed here has one general sentence.
 */
const REASONS = {
  // What the relay delivered: the relay may be misbehaving.
  tampered: { tone: 'relay', text: 'reasons.tampered' },
  forged: { tone: 'relay', text: 'reasons.forged' },
  spliced: { tone: 'relay', text: 'reasons.spliced' },
  replayed: { tone: 'relay', text: 'reasons.replayed' },
  gap: { tone: 'relay', text: 'reasons.gap' },
  'unknown-snapshot': { tone: 'relay', text: 'reasons.unknown-snapshot' },
  'rolled-back': { tone: 'relay', text: 'reasons.rolled-back' },
  'omits-my-updates': { tone: 'relay', text: 'reasons.omits-my-updates' },
  'relay-rewound': { tone: 'relay', text: 'reasons.relay-rewound' },
  'tampered-presence': { tone: 'relay', text: 'reasons.tampered-presence' },
  'frame-failed': { tone: 'relay', text: 'reasons.frame-failed' },
  // A space's membership data was refused (`group-<GroupRejection>`): three sentences cover them.
  'group-invalid-log': { tone: 'relay', text: 'reasons.group-log' },
  'group-forked-log': { tone: 'relay', text: 'reasons.group-log' },
  'group-lockbox-not-from-admin': { tone: 'relay', text: 'reasons.group-lockbox' },
  'group-lockbox-bad-signature': { tone: 'relay', text: 'reasons.group-lockbox' },
  'group-lockbox-not-for-me': { tone: 'relay', text: 'reasons.group-lockbox' },
  'group-lockbox-key-mismatch': { tone: 'relay', text: 'reasons.group-lockbox' },
  'group-bad-metadata': { tone: 'relay', text: 'reasons.group-metadata' },
  // About one member, named when known.
  'bad-update': { tone: 'member', text: 'member.bad-update' },
  'old-position': { tone: 'member', text: 'member.old-position' },
  'log-ahead': { tone: 'waiting', text: 'member.log-ahead' },
  'log-withheld': { tone: 'relay', text: 'member.log-withheld' },
  'forked-log': { tone: 'relay', text: 'member.forked' },
  'forked-document': { tone: 'relay', text: 'member.forked' },
  // A coalition admin's app added this device to a second organisation (organisation-rules.ts).
  'second-organisation': { tone: 'member', text: 'member.second-organisation' },
  // The relay refused my update as naming another proof of the active snapshot: a fork again.
  'relay-refused-snapshotConflict': { tone: 'relay', text: 'member.forked' },
  // This device's own edits and storage: nothing anyone did wrong, and no internal code shown.
  'store-failed': { tone: 'device', text: 'own.store-failed' },
  'publish-failed': { tone: 'waiting', text: 'own.publish-failed' },
  'subscribe-refused': { tone: 'waiting', text: 'own.subscribe-refused' },
  'relay-refused-quotaBytes': { tone: 'waiting', text: 'own.quota-bytes' },
  'relay-refused-quotaDocuments': { tone: 'waiting', text: 'own.quota-documents' },
  'update-too-large': { tone: 'waiting', text: 'own.update-too-large' },
  'snapshot-too-large': { tone: 'waiting', text: 'own.snapshot-too-large' },
  // For information, or the space can no longer be opened.
  'relay-key-rotated': { tone: 'rotated', text: 'reasons.relay-key-rotated' },
  'outdated-space': { tone: 'outdated', text: 'reasons.outdated-space' },
} as const satisfies Record<string, { tone: WarningTone; text: string }>;
const RELAY_REFUSED = 'relay-refused-';

type Entry = (typeof REASONS)[keyof typeof REASONS];
type MemberKey = Extract<Entry['text'], `member.${string}`> extends `member.${infer K}` ? K : never;

/** The table's entry; own keys only, since a reason may be any string ('toString'). */
function entryFor(reason: string): Entry | undefined {
  return Object.hasOwn(REASONS, reason) ? REASONS[reason as keyof typeof REASONS] : undefined;
}

function title(t: TFunction, tone: WarningTone): string {
  return tone === 'relay' ? t('sync.warningTitle') : t(`sync.titles.${tone}`);
}

function memberText(t: TFunction, key: MemberKey, member: string): string {
  // Each language words the unnamed case as a whole sentence ("A member sent…"), so that case and
  // gender come out right instead of a name-shaped hole filled with "a member".
  return member === '' ? t(`sync.unnamedReasons.${key}`) : t(`sync.reasons.${key}`, { member });
}

export function syncWarningMessage(
  t: TFunction,
  warning: Pick<SyncWarning, 'reason' | 'member'>,
): WarningMessage {
  const { reason } = warning;
  const entry = entryFor(reason);
  if (!entry) {
    return reason.startsWith(RELAY_REFUSED)
      ? { tone: 'waiting', title: title(t, 'waiting'), text: t('sync.own.relay-refused') }
      : { tone: 'relay', title: title(t, 'relay'), text: t('sync.reasons.other', { reason }) };
  }
  const { tone, text } = entry;
  const words = text.startsWith('member.')
    ? memberText(t, text.slice('member.'.length) as MemberKey, warning.member?.trim() ?? '')
    : t(`sync.${text as Exclude<Entry['text'], `member.${string}`>}`);
  return { tone, title: title(t, tone), text: words };
}

/** Warnings that ask for action come first and are announced at once; the calm ones politely. */
export function isUrgent(message: Pick<WarningMessage, 'tone'>): boolean {
  return message.tone === 'relay' || message.tone === 'member' || message.tone === 'device';
}
