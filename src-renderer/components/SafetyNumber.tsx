// A device safety number shown as 12 groups of 5 digits, easy to read aloud and compare.
import { fingerprintGroups } from '../lib/fingerprint';

export function SafetyNumber({ fingerprint, label }: { fingerprint: string; label: string }) {
  const groups = fingerprintGroups(fingerprint);
  return (
    <div className="safety-number" role="group" aria-label={label} data-testid="device-fingerprint">
      {groups.map((group, index) => (
        <span key={index}>
          {group}
          {index < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </div>
  );
}
