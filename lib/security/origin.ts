import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Every cookie-authenticated request that changes something must come from Listing Studio's own
 * pages: its `Origin` is this deployment's (AUTH_URL), or — for a browser that sends no Origin —
 * `Sec-Fetch-Site: same-origin`; and its body has a content type the route reads (a cross-site
 * `text/plain` form cannot stand in for JSON). Machine routes (a Bearer token, Basic auth) do not
 * use cookies and are exempt; e2e/entry-points.ts says, for each route, which rule it follows.
 */
export function assertSameOrigin(request: Request, { accepts }: { accepts?: string[] } = {}) {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const own = new URL(env().AUTH_URL).origin;
  const sameOrigin = origin ? origin === own : fetchSite === "same-origin";
  if (!sameOrigin) throw new AppError("FORBIDDEN", "This request did not come from Listing Studio's own pages");
  if (!accepts) return;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const hasBody = request.headers.has("content-length")
    ? request.headers.get("content-length") !== "0"
    : request.body !== null;
  if (!hasBody && !type) return;
  if (!accepts.includes(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send ${accepts.join(" or ")}${type ? `, not ${type}` : ""}`);
}
