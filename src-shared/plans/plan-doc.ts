// Where plans, tasks, comments and versions live in a space's Yjs document, and how to read them
// safely. Other members write this document, so every reader validates what it finds and skips what
// does not fit.
import { isTimeMs } from '../time-ms';
import * as Y from 'yjs';

export const PLANS = 'plans';
export const TASKS = 'tasks';
export const COMMENTS = 'comments';
export const VERSIONS = 'versions';

const ID = /^[0-9a-f]{32}$/;
const DEVICE = /^[0-9a-f]{64}$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const mapOf = (doc: Y.Doc, name: string) => doc.getMap<Y.Map<unknown>>(name);

export const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length <= max ? v : null;
/** A time every view can show (a member's modified app may write any number). */
export const timeOf = (v: unknown): number | null => (isTimeMs(v) ? v : null);
export const idOf = (v: unknown): string | null => (typeof v === 'string' && ID.test(v) ? v : null);
export const deviceOf = (v: unknown): string | null =>
  typeof v === 'string' && DEVICE.test(v) ? v : null;
export const optional = <T>(v: unknown, read: (v: unknown) => T | null): T | null | undefined =>
  v === null || v === undefined ? null : (read(v) ?? undefined);

export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
}

export function insert(
  doc: Y.Doc,
  name: string,
  id: string,
  fields: Record<string, unknown>,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    writeFields(map, fields);
    mapOf(doc, name).set(id, map);
  });
}

export function entries<T>(
  doc: Y.Doc,
  name: string,
  read: (id: string, m: Y.Map<unknown>) => T | null,
) {
  const out: T[] = [];
  mapOf(doc, name).forEach((value, id) => {
    if (!(value instanceof Y.Map) || !ID.test(id)) return;
    const item = read(id, value);
    if (item) out.push(item);
  });
  return out;
}
