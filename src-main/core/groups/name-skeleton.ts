// Names compared as people read them: Unicode UTS #39 skeletons, so "Аlesia" with a Cyrillic А is
// the same name as "Alesia" with a Latin one, and "Bob" with an invisible character inside the same
// as "Bob". The confusables table comes from `unhomoglyph`.
import unhomoglyph from 'unhomoglyph';
import { plainSpaces, stripEveryInvisible } from '../../../src-shared/invisible-chars';

/**
 * UTS #39's skeleton: NFD, invisible characters removed, confusables mapped to their prototypes,
 * NFD; and every run of blanks one space, as a reader cannot count them.
 */
const skeleton = (text: string): string =>
  plainSpaces(unhomoglyph(stripEveryInvisible(text.normalize('NFD')))).normalize('NFD');

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
