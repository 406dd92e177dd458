// A space's name as the UI shows it. Main says '' while the name has not reached this device yet (an
// invitation, or a space whose first log entries are still on their way): a placeholder says so.
import type { TFunction } from 'i18next';

export function spaceName(t: TFunction, name: string): string {
  return name.trim() === '' ? t('spaces.unnamed') : name;
}
