// A translated sentence with technical names in it (.onion, SOCKS5): the names stay as written in
// every language, so they are marked as such and screen readers say them as written.
import { TECHNICAL_TERMS } from './relay-status-text';

const TERMS: readonly string[] = Object.values(TECHNICAL_TERMS);
const SPLIT = new RegExp(
  `(${TERMS.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
);

export function TechnicalText({ text }: { text: string }) {
  return (
    <>
      {text.split(SPLIT).map((part, index) =>
        TERMS.includes(part) ? (
          <code key={index} lang="en" translate="no">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
