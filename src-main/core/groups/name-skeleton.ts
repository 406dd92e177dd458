// Names compared as people read them: Unicode UTS #39 skeletons, so "Аlesia" with a Cyrillic А is
// the same name as "Alesia" with a Latin one. The confusables table comes from `unhomoglyph`.
import unhomoglyph from 'unhomoglyph';

/** UTS #39's skeleton: NFD, every confusable mapped to its prototype, NFD again. */
const skeleton = (text: string): string => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/**
 * A name's skeleton, case-insensitive. Skeletons are case-sensitive ("I" maps to "l", "i" does not;
 * the table knows "В" as "B" but not "в" as "b"), so the name is upper-cased first, mapped, folded
 * to lower case and mapped again (folding can make a new look-alike), then trimmed.
 */
export function nameSkeleton(name: string): string {
  return skeleton(skeleton(name.toLocaleUpperCase()).toLocaleLowerCase()).trim();
}

/** Two names a person could take for one another. */
export function confusableNames(a: string, b: string): boolean {
  return nameSkeleton(a) === nameSkeleton(b);
}
