// The one edit that turns the textarea's previous text into its new text, for applying to a Y.Text.
// Pure and UTF-16 based (like Y.Text and the textarea); never splits a surrogate pair.

export interface TextChange {
  /** Where the change starts, in UTF-16 code units of the old text. */
  index: number;
  /** How many code units of the old text are removed from index on. */
  deleteCount: number;
  /** What is inserted at index (after the removal). */
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when the change in old → new can be a pure insertion/removal placed at index. */
function fits(
  oldText: string,
  newText: string,
  index: number,
  deleteCount: number,
  insertLength: number,
): boolean {
  if (index < 0 || index + deleteCount > oldText.length || index + insertLength > newText.length) {
    return false;
  }
  return (
    oldText.slice(0, index) === newText.slice(0, index) &&
    oldText.slice(index + deleteCount) === newText.slice(index + insertLength)
  );
}

/**
 * The minimal change from oldText to newText: the longest common prefix and then the longest common
 * suffix are kept, the middle is replaced. Equal texts give { index: oldText.length, deleteCount: 0,
 * insert: '' }.
 *
 * caret (optional) is where the caret is in newText after the edit (selectionEnd). When only
 * characters were typed or only removed, and the text around is repetitive ("aa" → "aaa"), several
 * places give the same result; the caret picks the one the user actually edited, so other people's
 * cursors and concurrent edits land where they should.
 */
export function diffText(oldText: string, newText: string, caret?: number): TextChange {
  const lengthChange = newText.length - oldText.length;
  if (caret !== undefined && Number.isInteger(caret) && lengthChange !== 0) {
    // Typing leaves the caret after the inserted text; Backspace and Delete leave it at the removal.
    const index = lengthChange > 0 ? caret - lengthChange : caret;
    const deleteCount = lengthChange > 0 ? 0 : -lengthChange;
    const insertLength = lengthChange > 0 ? lengthChange : 0;
    if (
      fits(oldText, newText, index, deleteCount, insertLength) &&
      !splitsPair(oldText, index) &&
      !splitsPair(oldText, index + deleteCount) &&
      !splitsPair(newText, index + insertLength)
    ) {
      return { index, deleteCount, insert: newText.slice(index, index + insertLength) };
    }
  }

  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  // Never cut a surrogate pair in half: a shorter common part is always still correct.
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) prefix--;

  let suffix = 0;
  const maxSuffix = shorter - prefix;
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) ===
      newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--;

  return {
    index: prefix,
    deleteCount: oldText.length - prefix - suffix,
    insert: newText.slice(prefix, newText.length - suffix),
  };
}

/** True when position lies between a high and a low surrogate of text. */
function splitsPair(text: string, position: number): boolean {
  return (
    position > 0 &&
    position < text.length &&
    isHighSurrogate(text.charCodeAt(position - 1)) &&
    isLowSurrogate(text.charCodeAt(position))
  );
}
