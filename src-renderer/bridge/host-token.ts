// Finds the browser host's per-run token: first in the URL fragment, then in sessionStorage so that a
// reload still works after the fragment was removed from the address bar.
import { HOST_TOKEN_FRAGMENT_KEY } from '../../src-shared/host-protocol';

const STORAGE_KEY = 'suviaz.hostToken';

export function takeHostToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get(HOST_TOKEN_FRAGMENT_KEY);
  if (fromFragment) {
    sessionStorage.setItem(STORAGE_KEY, fromFragment);
    // Keep the token out of the visible address, history entries and screenshots.
    fragment.delete(HOST_TOKEN_FRAGMENT_KEY);
    const rest = fragment.toString();
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
    window.history.replaceState(null, '', url);
    return fromFragment;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
