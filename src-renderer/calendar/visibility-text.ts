// Which visibilities an event may have and the one sentence that says who sees what. In a plain
// space (no organisations) and for an event of no organisation, everyone in the space sees it; only
// an event of an organisation can be busy-only or kept to that organisation.
import type { Visibility } from '../../src-shared/calendar/event-model';

export type VisibilitySentence =
  | 'calendar.visibility.sentence.plainSpace'
  | 'calendar.visibility.sentence.coalitionNoOrg'
  | 'calendar.visibility.sentence.coalitionOrg'
  | 'calendar.visibility.sentence.busy'
  | 'calendar.visibility.sentence.organisation';

/** The choices offered: all three for an event of an organisation, else only 'coalition'. */
export function visibilityChoices(isCoalition: boolean, orgId: string | null): Visibility[] {
  return isCoalition && orgId !== null ? ['coalition', 'busy', 'organisation'] : ['coalition'];
}

/** The sentence under the choice (its {{org}} is the owning organisation's name). */
export function visibilitySentence(
  visibility: Visibility,
  isCoalition: boolean,
  orgId: string | null,
): VisibilitySentence {
  if (!isCoalition) return 'calendar.visibility.sentence.plainSpace';
  if (orgId === null) return 'calendar.visibility.sentence.coalitionNoOrg';
  if (visibility === 'busy') return 'calendar.visibility.sentence.busy';
  if (visibility === 'organisation') return 'calendar.visibility.sentence.organisation';
  return 'calendar.visibility.sentence.coalitionOrg';
}

/** A visibility that still fits after the organisation changed (none: back to the whole space). */
export function fittingVisibility(
  visibility: Visibility,
  isCoalition: boolean,
  orgId: string | null,
): Visibility {
  return visibilityChoices(isCoalition, orgId).includes(visibility) ? visibility : 'coalition';
}
