// Splits a search snippet into plain and matched runs, using the control-character marks main puts
// around matches, so the UI can build <mark> elements instead of parsing HTML.
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src-shared/api';

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const char of snippet) {
    if (char === SNIPPET_MARK_START || char === SNIPPET_MARK_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = char === SNIPPET_MARK_START;
    } else {
      text += char;
    }
  }
  if (text) parts.push({ text, match });
  return parts;
}
