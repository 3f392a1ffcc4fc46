import { NextResponse, type NextRequest } from "next/server";
import { isDashboardPath, PATH_HEADER, signInPath } from "@/lib/paths";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Early redirect only: a dashboard URL without any session cookie goes straight to sign-in.
 * The real check (a live database session and a membership) happens on the server in every page.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const returnTo = `${pathname}${search}`;
  if (isDashboardPath(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(signInPath(returnTo), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, returnTo);
  return NextResponse.next({ request: { headers: forwarded } });
}

/**
 * Only the dashboard: a proxy call costs more than serving a cached page here, so public pages
 * (the landing page, share links) and API routes never go through it.
 */
export const config = {
  matcher: ["/apps/:path*", "/reviews/:path*", "/analytics/:path*", "/team/:path*", "/settings/:path*"],
};
