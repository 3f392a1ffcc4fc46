/** URL helpers shared by the proxy, pages and actions (no server-only imports). */

export const DASHBOARD_PREFIXES = ["/apps", "/reviews", "/analytics", "/team", "/settings", "/switch"] as const;

export const isDashboardPath = (pathname: string) =>
  DASHBOARD_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** Header through which the proxy tells server components the requested path (for "come back here"). */
export const PATH_HEADER = "x-listing-studio-path";

/**
 * A same-site path to return to after sign-in. Anything else (absolute URLs, `//host`,
 * backslashes, control characters) falls back to the dashboard, so it is never an open redirect.
 */
export function safeReturnPath(value: unknown, fallback = "/apps"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

export const signInPath = (returnTo: string) => `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`;
