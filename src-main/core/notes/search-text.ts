// Text folding and query building for full-text search. The FTS5 tokenizer (unicode61, remove_diacritics
// 2) already folds case, Cyrillic included; this adds what it leaves out, and keeps user input from
// ever being read as FTS5 query syntax.

/**
 * Applied to indexed text and to queries alike. ё/Ё fold to е/Е because Russian and Belarusian text
 * writes both for the same word and unicode61 keeps them apart. Nothing here may add, drop or split
 * tokens: snippets map token positions from the index back onto the original text. Changing this
 * function changes what the index holds, so it needs a migration that rebuilds the index.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

// A chunk with no letter or digit tokenizes to nothing, and an empty phrase matches no row at all,
// which would empty an AND of otherwise matching words.
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every whitespace-separated word becomes a quoted prefix term ("word"*), AND-joined, so that typing
 * "Менс" finds "МЕНСК" and nothing the user types (quotes, OR, NEAR, parentheses, *) is FTS syntax.
 * Null when the input holds no word to search for.
 */
export function buildFtsQuery(userInput: string): string | null {
  const terms = normalizeForSearch(userInput)
    .split(/\s+/u)
    .filter((word) => HAS_WORD_CHARACTER.test(word))
    .map((word) => `"${word.replace(/"/g, '""')}"*`);
  return terms.length === 0 ? null : terms.join(' AND ');
}
