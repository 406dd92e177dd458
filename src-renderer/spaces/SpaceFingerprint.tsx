// The space's fingerprint: digits from the head of its membership log. Members who read them to
// each other over a channel they trust know the relay shows them all the same history.
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';

export function SpaceFingerprint({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const textId = useId();
  // Grouped as main gives them: the same groups everyone reads aloud.
  const groups = fingerprint.trim().split(/\s+/).filter(Boolean);
  if (groups.length === 0) return null;
  return (
    <div className="space-fingerprint" data-testid="space-fingerprint-block">
      <h4 id={headingId}>{t('space.fingerprintTitle')}</h4>
      <p
        className="space-fingerprint-digits"
        role="group"
        aria-labelledby={headingId}
        aria-describedby={textId}
        data-testid="space-fingerprint"
      >
        {/* The space between groups sits outside them: the line may break there, never inside. */}
        {groups.map((group, index) => (
          <Fragment key={index}>
            <span>{group}</span>
            {index < groups.length - 1 ? ' ' : ''}
          </Fragment>
        ))}
      </p>
      <p className="hint" id={textId}>
        {t('space.fingerprintText')}
      </p>
    </div>
  );
}
