/**
 * One rule for every state-changing request a browser can be made to send (route handlers that use
 * the session cookie, server actions, any other POST to a page): it comes from this deployment's own
 * origin — scheme, host and port exactly — or it is refused with 403.
 * - `Origin` present: it must be the deployment's origin (`AUTH_URL`); `null`, another scheme, host
 *   or port is another origin.
 * - `Origin` absent: `Sec-Fetch-Site: same-origin` (browsers send it with every request); without
 *   either, nothing shows the request came from our pages, so it is refused too.
 * No server-only import: the proxy uses it as well as lib/security/origin.ts.
 */
export const CROSS_ORIGIN_MESSAGE = "This request did not come from Listing Studio's own pages";

/** The origin a URL serialises to (`https://a.example:443` is `https://a.example`), or null. */
const originOf = (value: string): string | null => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
};

export function isSameOrigin(headers: Headers, ownOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin !== null && origin !== "") return originOf(origin) === ownOrigin;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** Methods that change nothing by definition; every other method is held to the rule. */
export const isSafeMethod = (method: string) => method === "GET" || method === "HEAD" || method === "OPTIONS";
