// Characters that change how a text shows without being seen: controls (\p{Cc}), format characters
// (\p{Cf}: the bidi controls U+061C, U+200E/F, U+202A–202E, U+2066–2069, zero-width characters, the
// soft hyphen) and the other default-ignorables (U+034F, U+3164, variation selectors…). In a name
// from someone else they hide or reorder what it says: "\u202Eecila" shows as "alice", and
// "report\u202Efdp.exe" as "reportexe.pdf".
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

// Two of them are spelling, not decoration, inside a word: the zero-width non-joiner (U+200C) is
// how Persian writes "می‌خواهم" and Hindi a half form, the zero-width joiner (U+200D) asks for a
// joined form and makes one emoji of "👩‍💻". Between two visible characters of a word they neither
// hide nor reorder anything, so they are kept there (the rule of IDNA's ContextJ, widened to
// emoji); anywhere else they go like the rest. Emoji presentation (U+FE0F) is kept after a pictograph.
// In two steps, so that the neighbours a joiner is judged by are ones that stay: a Hangul filler is
// a letter and a variation selector a mark, yet both are invisible and go in the first step.
const INVISIBLE_BUT_SPELLING =
  /(?<!\p{Extended_Pictographic})\uFE0F|(?!\u200C|\u200D|\uFE0F)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const JOINER_OUTSIDE_WORD =
  /[\u200C\u200D](?![\p{L}\p{Extended_Pictographic}])|(?<![\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}])[\u200C\u200D]/gu;

/** Text without invisible characters, except the joiners and emoji selectors that spell it. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_BUT_SPELLING, '').replace(JOINER_OUTSIDE_WORD, '');
}

/** Text without any invisible character, joiners included: for comparing, never for showing. */
export function stripEveryInvisible(text: string): string {
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
