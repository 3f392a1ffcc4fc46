/** Request-level constants shared by the proxy, route handlers and logs (no server-only import). */

export const REQUEST_ID_HEADER = "x-request-id";

/** Auth.js's sign-in and sign-out posts carry a CSRF token and a return path: a few kB at most. */
export const AUTH_BODY_LIMIT_BYTES = 16_000;

/** Server actions accept at most this much (next.config.ts sets the same limit for Next.js). */
export const ACTION_BODY_LIMIT_BYTES = 1_000_000;

/** The id a trusted proxy gave the request when it looks like one, otherwise a new one. */
export function requestIdOf(incoming: string | null | undefined): string {
  return incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
}
