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
} as const satisfies Record<RelayProblem, { title: string; text: string }>;

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
        text: t(keys.text),
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
