import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

/**
 * Pipedrive answers "Cancel" on its consent screen with `error=user_denied`: that is the
 * visitor's choice, not a failure, so it goes back to the sign-in page with a message.
 */
export function GET(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.endsWith("/callback/pipedrive") && searchParams.get("error") === "user_denied") {
    return Response.redirect(new URL("/signin?error=denied", request.nextUrl.origin), 303);
  }
  return handlers.GET(request);
}

export const POST = handlers.POST;
