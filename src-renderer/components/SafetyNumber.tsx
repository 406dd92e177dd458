// A device safety number shown as 12 groups of 5 digits, easy to read aloud and compare.
import { fingerprintGroups } from '../lib/fingerprint';

interface SafetyNumberProps {
  fingerprint: string;
  label: string;
  testId?: string;
  /** 'large' for comparing digit by digit while someone reads theirs aloud; 'compact' in lists. */
  size?: 'normal' | 'large' | 'compact';
}

export function SafetyNumber({
  fingerprint,
  label,
  testId = 'device-fingerprint',
  size = 'normal',
}: SafetyNumberProps) {
  const groups = fingerprintGroups(fingerprint);
  return (
    <div
      className={size === 'normal' ? 'safety-number' : `safety-number ${size}`}
      role="group"
      aria-label={label}
      data-testid={testId}
    >
      {groups.map((group, index) => (
        <span key={index}>
          {group}
          {index < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </div>
  );
}
