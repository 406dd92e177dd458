// The space's fingerprint: digits from the head of its membership log. Members who read them to
// each other over a channel they trust know the relay shows them all the same history.
import { useId } from 'react';
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
        {groups.map((group, index) => (
          <span key={index}>
            {group}
            {index < groups.length - 1 ? ' ' : ''}
          </span>
        ))}
      </p>
      <p className="hint" id={textId}>
        {t('space.fingerprintText')}
      </p>
    </div>
  );
}
