/**
 * Content-Security-Policy of every response (no server-only import: the proxy and
 * next.config.ts use it). Pages rendered per request allow only scripts carrying that request's
 * nonce (and what they load: 'strict-dynamic'); prerendered pages only their own inline scripts,
 * by hash, and the site's script files; share pages, served from memory to everyone, carry
 * no framework script and allow only the site's own script files; everything else (APIs, the gateway's and share links' small HTML
 * pages) allows no script at all.
 */

const COMMON = [
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  // The listing video, only after the visitor asks to play it.
  "frame-src https://www.youtube-nocookie.com",
  "manifest-src 'self'",
];

/** Sign-in forms post to this site, which redirects to Pipedrive's consent screen. */
const formAction = (oauthOrigin: string) => `form-action 'self' ${oauthOrigin}`;

/**
 * Images: the site's own, and people's Pipedrive avatars (https anywhere; the Pipedrive API's own
 * origin too, which is plain http only in local development and tests).
 */
const imgSrc = (apiOrigin?: string) =>
  `img-src 'self' data: blob: https:${apiOrigin?.startsWith("http:") ? ` ${apiOrigin}` : ""}`;

export function pageCsp(
  nonce: string,
  { dev, oauthOrigin, apiOrigin }: { dev: boolean; oauthOrigin: string; apiOrigin: string },
): string {
  // React's development build evaluates code for its stack traces; production never does.
  const script = `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
  return ["default-src 'self'", script, imgSrc(apiOrigin), ...COMMON, formAction(oauthOrigin)].join("; ");
}

/**
 * A prerendered page (the landing and sign-in pages): the same HTML for everyone, so no nonce;
 * its inline scripts are allowed by their hashes and its script files by the site's origin.
 */
export function prerenderedPageCsp(
  scriptHashes: string[],
  { oauthOrigin, apiOrigin }: { oauthOrigin: string; apiOrigin: string },
): string {
  const script = ["script-src 'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(" ");
  return ["default-src 'self'", script, imgSrc(apiOrigin), ...COMMON, formAction(oauthOrigin)].join("; ");
}

/** A share page: plain HTML served from memory to everyone, with one script file of the site's own and nothing inline. */
export const SHARE_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  imgSrc(),
  ...COMMON,
  "form-action 'self'",
].join("; ");

/** Responses that are not pages of the app: no script may run, nothing may frame them. */
export const NO_SCRIPT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A fresh, unguessable nonce (128 bits). */
export function newCspNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
