// The renderer's Content-Security-Policy, one definition for the Electron app:// protocol and the
// browser host. No inline or remote code, no plugins, no framing, no network beyond our own origin.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for pictures the renderer makes itself from bytes main opened (a briefing's inline image,
  // URL.createObjectURL): a blob: URL names only data a page of this same origin created.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The Electron renderer has no network at all; 'self' is what the browser host's bridge socket needs.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every renderer file, by both hosts. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};
