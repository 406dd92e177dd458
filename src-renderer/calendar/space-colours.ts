// A colour per space in the calendar of all spaces: stable for a given set of spaces (a space keeps
// its colour across reloads and views), different for up to SPACE_COLOURS spaces. The colours are CSS
// classes (cal-colour-N in calendar.css); the space's name always goes with them, so colour is never
// the only way to tell spaces apart.
export const SPACE_COLOURS = 8;

/** Where a space would like to sit: a slot derived from its id, so it rarely moves. */
function preferredSlot(spaceId: string): number {
  const head = Number.parseInt(spaceId.slice(0, 8), 16);
  return Number.isFinite(head) ? head % SPACE_COLOURS : 0;
}

/**
 * The colour index (0..SPACE_COLOURS-1) of each space. Spaces are placed in id order, each in its
 * preferred slot or the next free one; beyond SPACE_COLOURS spaces, the least used slots are shared.
 */
export function spaceColours(spaceIds: readonly string[]): Map<string, number> {
  const ids = [...new Set(spaceIds)].sort();
  const used = Array<number>(SPACE_COLOURS).fill(0);
  const colours = new Map<string, number>();
  for (const id of ids) {
    const fewest = Math.min(...used);
    let slot = preferredSlot(id);
    while ((used[slot] ?? 0) > fewest) slot = (slot + 1) % SPACE_COLOURS;
    used[slot] = (used[slot] ?? 0) + 1;
    colours.set(id, slot);
  }
  return colours;
}

export function colourClass(colours: ReadonlyMap<string, number>, spaceId: string): string {
  return `cal-colour-${colours.get(spaceId) ?? 0}`;
}
