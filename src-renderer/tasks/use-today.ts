// Today's date (YYYY-MM-DD, local), checked every minute so "overdue" appears after midnight without
// any event from main.
import { useNow } from '../hooks/use-now';
import { todayLocal } from './task-order';

export function useToday(): string {
  return todayLocal(new Date(useNow(60_000)));
}
