// Splits a safety number into its 12 groups of 5 digits, whatever separators main used.
export function fingerprintGroups(fingerprint: string): string[] {
  const digits = fingerprint.replace(/\D/g, '');
  if (digits.length === 0) return [];
  return digits.match(/\d{1,5}/g) ?? [];
}
