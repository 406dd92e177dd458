// Disguise mode: the neutral names and icons the app can wear instead of its own, so that a laptop
// searched at a border shows "Notes" on its locked screen, window title and tab, not the app's name.
import { z } from 'zod';

export const DISGUISES = ['none', 'notes', 'calculator', 'weather'] as const;
export const Disguise = z.enum(DISGUISES);
export type Disguise = z.infer<typeof Disguise>;

/** The app's own name, shown only when no disguise is set. */
export const APP_NAME = 'Suviaz';

/**
 * English names, for the one place no translation is at hand: the Electron window's title before the
 * page has loaded (the renderer then sets the translated one).
 */
export const ENGLISH_NAMES: Readonly<Record<Disguise, string>> = {
  none: APP_NAME,
  notes: 'Notes',
  calculator: 'Calculator',
  weather: 'Weather',
};

/** The icon's file name inside the renderer's icons folder (public/icons → out/renderer/icons). */
export function iconFileName(disguise: Disguise, extension: 'svg' | 'png' = 'svg'): string {
  return `${disguise === 'none' ? 'app' : disguise}.${extension}`;
}

/** The favicon's address, relative to the page, so it works on app://, the host and the dev server. */
export function iconHref(disguise: Disguise): string {
  return `./icons/${iconFileName(disguise)}`;
}

/** Reads a disguise id from anything (a file, a message): unknown or damaged values mean none. */
export function parseDisguise(value: unknown): Disguise {
  const checked = Disguise.safeParse(value);
  return checked.success ? checked.data : 'none';
}
