// Looks for a canary string in the raw bytes of every file under a folder, as UTF-8 and as UTF-16
// (both byte orders), the way someone holding a seized disk image would grep it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function encodings(canary: string): Buffer[] {
  const utf16le = Buffer.from(canary, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  return [Buffer.from(canary, 'utf8'), utf16le, utf16be];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Every file under dir whose bytes contain the canary in any encoding; empty when it is nowhere. */
export function filesContaining(dir: string, canary: string): string[] {
  const needles = encodings(canary);
  return listFiles(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

export function uniqueCanary(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
