// A colour per space in the calendar of all spaces: the same space keeps its colour, and up to
// eight spaces never share one.
import { describe, expect, it } from 'vitest';
import {
  colourClass,
  SPACE_COLOURS,
  spaceColours,
} from '../../src-renderer/calendar/space-colours';

const id = (n: number) => n.toString(16).padStart(8, '0') + 'f'.repeat(24);

describe('space colours', () => {
  it('gives up to eight spaces eight different colours, even when their ids want the same one', () => {
    // Ids 0, 8, 16… all prefer slot 0.
    const ids = Array.from({ length: SPACE_COLOURS }, (_, n) => id(n * SPACE_COLOURS));
    const colours = spaceColours(ids);
    expect(new Set(colours.values()).size).toBe(SPACE_COLOURS);
  });

  it('does not depend on the order the spaces come in', () => {
    const ids = [id(3), id(11), id(5), id(200)];
    expect(spaceColours(ids)).toEqual(spaceColours([...ids].reverse()));
  });

  it('keeps a space’s preferred colour when nothing competes for it', () => {
    expect(spaceColours([id(5)]).get(id(5))).toBe(5);
    expect(spaceColours([id(5), id(6)]).get(id(6))).toBe(6);
  });

  it('shares the least used colours once there are more spaces than colours', () => {
    const ids = Array.from({ length: SPACE_COLOURS * 2 }, (_, n) => id(n));
    const counts = new Map<number, number>();
    for (const colour of spaceColours(ids).values())
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    expect([...counts.values()]).toEqual(Array(SPACE_COLOURS).fill(2));
  });

  it('names the colour class, with a fallback for an unknown space', () => {
    const colours = spaceColours([id(2)]);
    expect(colourClass(colours, id(2))).toBe('cal-colour-2');
    expect(colourClass(colours, id(9))).toBe('cal-colour-0');
  });
});
