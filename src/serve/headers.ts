/**
 * The response headers: every answer carries the security headers (the page loads nothing from
 * elsewhere and runs only its own script). Written with one `writeHead` call and a flat header
 * list, which node:http stores without building a header object first.
 */
import type { ServerResponse } from 'node:http';

/** Headers sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

const SECURITY_LIST: readonly string[] = Object.entries(SECURITY_HEADERS).flat();

/** Writes the status and `headers` (a flat name, value, name, value... list) with the security headers. */
export function writeHead(res: ServerResponse, status: number, headers: (string | number)[]): void {
  for (const h of SECURITY_LIST) headers.push(h);
  res.writeHead(status, headers);
}
