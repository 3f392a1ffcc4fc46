import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { clientKey, limited } from "@/lib/rate-limit";

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

export const POST = (request: NextRequest) => limited("signin", clientKey(request), () => handlers.POST(request));
