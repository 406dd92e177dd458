// Who sees an event: the choices offered and the one sentence shown under them. Only an event of
// an organisation in a coalition can be busy-only or kept to the organisation.
import { describe, expect, it } from 'vitest';
import {
  fittingVisibility,
  visibilityChoices,
  visibilitySentence,
} from '../../src-renderer/calendar/visibility-text';

const ORG = 'd'.repeat(32);

describe('visibility choices', () => {
  it('offers all three for an event of an organisation in a coalition', () => {
    expect(visibilityChoices(true, ORG)).toEqual(['coalition', 'busy', 'organisation']);
  });

  it('offers only the whole space in a plain space or for an event of no organisation', () => {
    expect(visibilityChoices(false, ORG)).toEqual(['coalition']);
    expect(visibilityChoices(true, null)).toEqual(['coalition']);
  });

  it('falls back to the whole coalition when the organisation is taken away', () => {
    expect(fittingVisibility('busy', true, null)).toBe('coalition');
    expect(fittingVisibility('organisation', true, ORG)).toBe('organisation');
  });
});

describe('the sentence under the choice', () => {
  it('says what each choice means', () => {
    expect(visibilitySentence('busy', true, ORG)).toBe('calendar.visibility.sentence.busy');
    expect(visibilitySentence('organisation', true, ORG)).toBe(
      'calendar.visibility.sentence.organisation',
    );
    expect(visibilitySentence('coalition', true, ORG)).toBe(
      'calendar.visibility.sentence.coalitionOrg',
    );
    expect(visibilitySentence('coalition', true, null)).toBe(
      'calendar.visibility.sentence.coalitionNoOrg',
    );
  });

  it('speaks of the space, not a coalition, in a plain space', () => {
    expect(visibilitySentence('busy', false, ORG)).toBe('calendar.visibility.sentence.plainSpace');
  });
});
