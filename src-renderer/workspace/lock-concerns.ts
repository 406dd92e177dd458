// Why a lock asks first, and what its question says. A lock keeps nothing of the vault's content in
// the renderer (docs/threat-model.md), so whatever only the screen holds is lost: the user decides.
/**
 * What a lock now would lose: changes main could not store, a briefing on its way out, a briefing
 * draft, an event being written, or words typed in a plan's comment, reply or new task.
 */
export type LockConcern = 'unsaved' | 'sending' | 'briefingDraft' | 'eventDraft' | 'planDraft';

/** The order the question names them in. */
const ORDER: readonly LockConcern[] = [
  'unsaved',
  'sending',
  'briefingDraft',
  'eventDraft',
  'planDraft',
];

/** The question about one concern alone, and its line in the question about several. */
export const LOCK_PROMPTS = {
  unsaved: {
    title: 'header.unsavedTitle',
    text: 'header.unsavedText',
    confirm: 'header.lockAnyway',
    item: 'header.lockItems.unsaved',
  },
  sending: {
    title: 'header.sendingTitle',
    text: 'header.sendingText',
    confirm: 'header.lockStopSending',
    item: 'header.lockItems.sending',
  },
  briefingDraft: {
    title: 'header.briefingDraftTitle',
    text: 'header.briefingDraftText',
    confirm: 'header.lockDiscard',
    item: 'header.lockItems.briefingDraft',
  },
  eventDraft: {
    title: 'header.eventDraftTitle',
    text: 'header.eventDraftText',
    confirm: 'header.lockDiscard',
    item: 'header.lockItems.eventDraft',
  },
  planDraft: {
    title: 'header.planDraftTitle',
    text: 'header.planDraftText',
    confirm: 'header.lockDiscard',
    item: 'header.lockItems.planDraft',
  },
} as const satisfies Record<
  LockConcern,
  { title: string; text: string; confirm: string; item: string }
>;

type PromptKey = (typeof LOCK_PROMPTS)[LockConcern][keyof (typeof LOCK_PROMPTS)[LockConcern]];

export interface LockPromptText {
  title: PromptKey | 'header.severalTitle';
  text: PromptKey | 'header.severalText';
  confirm: PromptKey | 'header.lockLoseAll';
  /** One line per concern when there are several (all of them are lost), else none. */
  items: PromptKey[];
}

/** The concerns found, in the question's order. */
export function lockConcerns(found: Record<LockConcern, boolean>): LockConcern[] {
  return ORDER.filter((concern) => found[concern]);
}

/** What the question says: one concern in its own words; several as a list, none left out. */
export function lockPrompt(concerns: readonly LockConcern[]): LockPromptText | null {
  const shown = ORDER.filter((concern) => concerns.includes(concern));
  const [only] = shown;
  if (only === undefined) return null;
  if (shown.length === 1) {
    const { title, text, confirm } = LOCK_PROMPTS[only];
    return { title, text, confirm, items: [] };
  }
  return {
    title: 'header.severalTitle',
    text: 'header.severalText',
    confirm: 'header.lockLoseAll',
    items: shown.map((concern) => LOCK_PROMPTS[concern].item),
  };
}
