// Which disguise the app wears, as the renderer knows it: null until main answered. Applies it to
// the document (title and favicon) and tells the components and the translations when it changes.
import i18next from 'i18next';
import { APP_NAME, iconHref, type Disguise } from '../../src-shared/disguise';

let current: Disguise | null = null;
const listeners = new Set<() => void>();

export function currentDisguise(): Disguise | null {
  return current;
}

/** The name the app shows: its own, or the disguise's translated one; empty while not known yet. */
export function displayName(disguise: Disguise | null = current): string {
  if (disguise === null) return '';
  if (disguise === 'none') return APP_NAME;
  return i18next.t(`disguise.names.${disguise}`, { postProcess: [] });
}

export function subscribeDisguise(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Title and favicon: what a browser tab, the window and the taskbar show. */
export function applyToDocument(disguise: Disguise): void {
  document.title = displayName(disguise);
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    link.type = 'image/svg+xml';
    document.head.append(link);
  }
  link.href = iconHref(disguise);
}

export function setDisguise(disguise: Disguise): void {
  if (disguise === current) return;
  current = disguise;
  applyToDocument(disguise);
  // Every useTranslation() consumer renders again, so the name in translated texts follows at once.
  void i18next.changeLanguage(i18next.language);
  for (const listener of listeners) listener();
}

i18next.on('languageChanged', () => {
  if (current !== null) document.title = displayName(current);
});
