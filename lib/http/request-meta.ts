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

/**
 * Whether a path is a page's (proxy.ts runs on it): not an API route, a framework file, the install
 * gateway, a share link or an unsubscribe link. proxy.ts's matcher, which must be literal, says the
 * same (lib/proxy.test.ts compares them).
 */
export const isPagePath = (path: string) =>
  !/^\/(api|_next|install|callback|p|r|survey|unsubscribe)\//.test(path) &&
  !/^\/(icon\.svg|favicon\.ico|share-page\.js|share\.css)$/.test(path);

/**
 * What is wrong with the body of a request that would change something on a page (a server action),
 * told from its headers alone — so the server answers before the framework copies the body for the
 * proxy: a declared length over the action limit (413), or no declared length at all (411: browsers
 * always declare one for forms and actions; a streamed body could only be counted by reading it).
 */
export function pageBodyProblem(
  method: string | undefined,
  path: string,
  headers: { "content-length"?: string; "transfer-encoding"?: string },
): { status: 411 | 413; code: "LENGTH_REQUIRED" | "PAYLOAD_TOO_LARGE"; message: string } | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS" || !isPagePath(path.split("?")[0]!)) return null;
  if (Number(headers["content-length"] ?? 0) > ACTION_BODY_LIMIT_BYTES)
    return {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: `The request is larger than ${ACTION_BODY_LIMIT_BYTES / 1_000_000} MB`,
    };
  if (headers["content-length"] === undefined && headers["transfer-encoding"] !== undefined)
    return { status: 411, code: "LENGTH_REQUIRED", message: "Say the length of the request's body (Content-Length)" };
  return null;
}
