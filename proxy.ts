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

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"],
};
