// Turns the comma-separated tags field into the tag list the API accepts (trimmed, unique,
// within the length and count limits) without ever rejecting what the user typed.
import { LIMITS } from '../../src-shared/limits';

export interface ParsedTags {
  tags: string[];
  /** More tags were typed than a note may carry; the extra ones are not stored. */
  truncated: boolean;
}

export function parseTags(text: string): ParsedTags {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = [...raw.trim()].slice(0, LIMITS.tagMaxChars).join('').trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return {
    tags: tags.slice(0, LIMITS.tagsPerNote),
    truncated: tags.length > LIMITS.tagsPerNote,
  };
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
