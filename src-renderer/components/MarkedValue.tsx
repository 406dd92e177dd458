// A translated sentence with one value in it that stays as written in every language (a key's
// fingerprint, key names): marked so screen readers and translation tools leave it alone.

/** Put into the sentence's slot when translating: `t('…', { fingerprint: VALUE_SLOT })`. */
export const VALUE_SLOT = '\u0000';

export function MarkedValue(props: { text: string; value: string; as?: 'code' | 'kbd' }) {
  const [before = '', after = ''] = props.text.split(VALUE_SLOT);
  const Mark = props.as ?? 'code';
  return (
    <>
      {before}
      <Mark lang="en" translate="no">
        {props.value}
      </Mark>
      {after}
    </>
  );
}
