// A search snippet with its matches as <mark> elements, built as elements, never as HTML.
import { splitSnippet } from '../lib/snippet';

export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
