// Whether a URL is one of the app's own pages. Pure (no electron import), so it is tested as is.
// Node's URL gives "null" as the origin of a scheme it does not know (the app's own app:), so the
// origin is built from the scheme and host, which are what say whose page it is.

/** scheme://host[:port] of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
