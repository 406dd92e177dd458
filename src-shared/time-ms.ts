// A time as ms since 1970 that a Date can hold. Times come from other members' apps (a modified
// one may write any number), and formatting a date past ±8.64e15 ms throws: such a value in a
// shared record must be refused where it is read, not where a view shows it.
import { z } from 'zod';

export const MAX_TIME_MS = 8.64e15;

export const isTimeMs = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_TIME_MS;

export const TimeMs = z.number().int().min(-MAX_TIME_MS).max(MAX_TIME_MS);
