// Occurrence keys and event times (local date or date-time text) as floating milliseconds and back,
// the arithmetic the series edits share; and records keyed by occurrence filtered by key.
import { floatingMs, formatLocal, fromFloating, parseLocal } from './local-time';

const kindOf = (allDay: boolean): 'date' | 'datetime' => (allDay ? 'date' : 'datetime');
export const toF = (text: string | undefined, allDay: boolean): number | null => {
  const w = text === undefined ? null : parseLocal(text, kindOf(allDay));
  return w ? floatingMs(w) : null;
};
export const local = (f: number, allDay: boolean): string => formatLocal(fromFloating(f), allDay);
export const dateOf = (f: number): number => floatingMs({ ...fromFloating(f), hour: 0, minute: 0 });
export const filterKeys = <T>(record: Record<string, T>, keep: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => keep(k)));
