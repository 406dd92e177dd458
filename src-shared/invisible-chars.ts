// Characters that change how a text shows without being seen: controls (\p{Cc}), format characters
// (\p{Cf}: the bidi controls U+061C, U+200E/F, U+202A–202E, U+2066–2069, zero-width characters, the
// soft hyphen) and the other default-ignorables (U+034F, U+3164, variation selectors…). In a name
// from someone else they hide or reorder what it says: "\u202Eecila" shows as "alice", and
// "report\u202Efdp.exe" as "reportexe.pdf".
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

// Characters that show as blank space: the space separators (\p{Zs}: no-break, em, ideographic…)
// and U+2800, a Braille pattern without dots (a symbol, so not a separator, yet blank). A name made
// of them alone shows as no name, and "Ana\u2800Petrova" shows as "Ana Petrova".
const BLANKS = /[\p{Zs}\u2800]+/gu;

/** Each run of blank-looking characters made one plain space. */
export function plainSpaces(text: string): string {
  return text.replace(BLANKS, ' ');
}
