// A file size in the units people read ("340 KB", "2.4 MB"), with the number in the language's
// digits and the unit from the catalogue (this runtime's Intl has no unit names for Belarusian).
import type { TFunction } from 'i18next';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

export function fileSize(t: TFunction, bytes: number, language: string): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < KB) return t('briefings.size.bytes', { size: number(bytes, 0) });
  if (bytes < MB) return t('briefings.size.kb', { size: number(bytes / KB, 0) });
  if (bytes < GB)
    return t('briefings.size.mb', { size: number(bytes / MB, bytes < 10 * MB ? 1 : 0) });
  return t('briefings.size.gb', { size: number(bytes / GB, 1) });
}
