// Time zones for the editor: the runtime's list (Intl.supportedValuesOf), with the device's zone
// and UTC always in it, and a zone's city as people say it ("Minsk"). Whether a typed name is a
// zone is src-shared's isValidZone, the same check main makes.
let cached: string[] | null = null;

export function allZones(): string[] {
  if (cached) return cached;
  let list: string[];
  try {
    list = Intl.supportedValuesOf('timeZone');
  } catch {
    list = [];
  }
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  cached = [...new Set([...list, device, 'UTC'].filter(Boolean))].sort();
  return cached;
}

/** "Europe/Minsk" → "Minsk", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(tz: string): string {
  const last = tz.split('/').at(-1) ?? tz;
  return last.replaceAll('_', ' ');
}
