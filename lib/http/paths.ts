/** URL helpers shared by the proxy, pages and actions (no server-only imports). */

export const DASHBOARD_PREFIXES = [
  "/apps",
  "/reviews",
  "/analytics",
  "/team",
  "/settings",
  "/notifications",
  "/switch",
] as const;

export const isDashboardPath = (pathname: string) =>
  DASHBOARD_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** The cookies Auth.js keeps the session id in (plain http and https). */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

/** Header through which the proxy tells server components the requested path (for "come back here"). */
export const PATH_HEADER = "x-listing-studio-path";

const BASE = "http://local.invalid";
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A same-site path to return to (after sign-in, after switching workspace). Normalised first,
 * then judged: the normalised path must itself stay on this origin when a browser follows it, so
 * `/.//evil.example`, `/..//x` and `/%2e//x` (which normalise to `//…`), absolute URLs, `//host`,
 * backslashes and control characters (raw or encoded) all fall back to the dashboard.
 */
export function safeReturnPath(value: unknown, fallback = "/apps"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || CONTROL.test(value)) return fallback;
  let path: string;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    path = `${url.pathname}${url.search}${url.hash}`;
    if (path.startsWith("//") || path.includes("\\") || new URL(path, BASE).origin !== BASE) return fallback;
    if (CONTROL.test(decodeURIComponent(url.pathname))) return fallback;
  } catch {
    return fallback;
  }
  return path;
}

export const signInPath = (returnTo: string) => `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`;

/** Where a share link opens its preview. */
export const sharePath = (token: string) => `/p/${token}`;
