// What the relay field says about its save flow: one short status line, and for a failed check a
// title, what it means and what to do, and the technical detail main gave (for whoever runs the relay).
import type { TFunction } from 'i18next';
import type { RelayFlowState, RelayProblem } from './relay-save-flow';

export interface RelayProblemText {
  title: string;
  text: string;
  detail: string;
}

export interface RelayStatusText {
  status: string;
  problem: RelayProblemText | null;
}

const PROBLEM_KEYS = {
  unreachable: { title: 'settings.relayUnreachableTitle', text: 'settings.relayUnreachableText' },
  'other-version': {
    title: 'settings.relayOtherVersionTitle',
    text: 'settings.relayOtherVersionText',
  },
  'not-a-relay': { title: 'settings.relayNotARelayTitle', text: 'settings.relayNotARelayText' },
  'tor-unreachable': {
    title: 'settings.relayTorUnreachableTitle',
    text: 'settings.relayTorUnreachableText',
  },
  'proxy-unreachable': {
    title: 'settings.relayProxyUnreachableTitle',
    text: 'settings.relayProxyUnreachableText',
  },
  'onion-needs-tor': { title: 'settings.relayOnionTitle', text: 'settings.relayOnionText' },
  'key-mismatch': {
    title: 'settings.relayKeyMismatchTitle',
    text: 'settings.relayKeyMismatchText',
  },
} as const satisfies Record<RelayProblem, { title: string; text: string }>;

/**
 * Names that stay as they are in every language; the page shows them marked as such (TechnicalText),
 * so screen readers say them as written.
 */
export const TECHNICAL_TERMS = { onion: '.onion', protocol: 'SOCKS5' } as const;

/** A problem the check did not find but the app knew beforehand: there is nothing to check again. */
export function canRecheck(problem: RelayProblem): boolean {
  return problem !== 'onion-needs-tor';
}

export function relayStatusText(t: TFunction, state: RelayFlowState, invalidText: string) {
  const text: RelayStatusText = { status: '', problem: null };
  switch (state.kind) {
    case 'invalid':
      text.status = invalidText;
      break;
    case 'changed':
      text.status = t('settings.relayUnchecked');
      break;
    case 'checking':
      text.status = t('settings.relayChecking');
      break;
    case 'saving':
      text.status = t('settings.saving');
      break;
    case 'saved':
      text.status = t('settings.saved');
      break;
    case 'problem': {
      const keys = PROBLEM_KEYS[state.problem];
      text.status = t('settings.relayNotSaved');
      text.problem = {
        title: t(keys.title),
        text: state.problem === 'onion-needs-tor' ? t(keys.text, TECHNICAL_TERMS) : t(keys.text),
        detail: state.detail === '' ? '' : t('settings.relayDetail', { detail: state.detail }),
      };
      break;
    }
    case 'failed':
    case 'idle':
      break;
  }
  return text;
}
