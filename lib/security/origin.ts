import "server-only";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { CROSS_ORIGIN_MESSAGE, isSameOrigin } from "./same-origin";

/**
 * Every cookie-authenticated request that changes something must come from Listing Studio's own
 * pages (the rule of ./same-origin.ts, which the proxy applies to pages and server actions); and its
 * body has a content type the route reads (a cross-site
 * `text/plain` form cannot stand in for JSON). Machine routes (a Bearer token, Basic auth) do not
 * use cookies and are exempt; e2e/entry-points.ts says, for each route, which rule it follows.
 */
export function assertSameOrigin(request: Request, { accepts }: { accepts?: string[] } = {}) {
  if (!isSameOrigin(request.headers, new URL(env().AUTH_URL).origin))
    throw new AppError("FORBIDDEN", CROSS_ORIGIN_MESSAGE);
  if (!accepts) return;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const hasBody = request.headers.has("content-length")
    ? request.headers.get("content-length") !== "0"
    : request.body !== null;
  if (!hasBody && !type) return;
  if (!accepts.includes(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send ${accepts.join(" or ")}${type ? `, not ${type}` : ""}`);
}
