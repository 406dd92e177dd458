// A PostgreSQL URL as it may be printed or logged: host, port and database, never the password.
export function addressOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'postgres://…';
  }
}
