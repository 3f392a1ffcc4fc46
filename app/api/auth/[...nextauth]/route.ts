import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { errorResponse, readBody } from "@/lib/http/route";
import { clientKey, limited } from "@/lib/http/rate-limit";
import { AUTH_BODY_LIMIT_BYTES } from "@/lib/http/request-meta";
import { assertSameOrigin } from "@/lib/security/origin";

/** Reading the session happens on every page; everything else here is part of signing in or out. */
const isSignInTraffic = (request: NextRequest) =>
  request.method !== "GET" || !request.nextUrl.pathname.endsWith("/session");

/**
 * Pipedrive answers "Cancel" on its consent screen with `error=user_denied`: that is the
 * visitor's choice, not a failure, so it goes back to the sign-in page with a message.
 */
export function GET(request: NextRequest) {
  const answer = () => {
    const { pathname, searchParams } = request.nextUrl;
    if (pathname.endsWith("/callback/pipedrive") && searchParams.get("error") === "user_denied") {
      return Response.redirect(new URL("/signin?error=denied", request.nextUrl.origin), 303);
    }
    return handlers.GET(request);
  };
  return isSignInTraffic(request) ? limited("signin", clientKey(request), answer) : answer();
}

/**
 * Sign-in and sign-out forms, from Listing Studio's own pages only. Auth.js reads a body whole, so it
 * is handed one that was read here within a few kB (a CSRF token and a return path): anything
 * longer, declared or streamed, is refused with 413 before it is held in memory.
 */
export const POST = (request: NextRequest) =>
  limited("signin", clientKey(request), async () => {
    try {
      assertSameOrigin(request);
      const body = await readBody(request, AUTH_BODY_LIMIT_BYTES);
      return await handlers.POST(
        new NextRequest(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) }),
      );
    } catch (error) {
      return errorResponse(error);
    }
  });
