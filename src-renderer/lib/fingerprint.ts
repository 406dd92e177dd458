// Splits a safety number into its 12 groups of 5 digits, whatever separators main used.
export function fingerprintGroups(fingerprint: string): string[] {
  const digits = fingerprint.replace(/\D/g, '');
  if (digits.length === 0) return [];
  return digits.match(/\d{1,5}/g) ?? [];
}

/** The first two groups of a safety number: enough to tell members apart at a glance. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprintGroups(fingerprint).slice(0, 2).join(' ');
}
