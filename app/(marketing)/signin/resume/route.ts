import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/authz";
import { safeReturnPath, SESSION_COOKIES } from "@/lib/http/paths";

export const dynamic = "force-dynamic";

/**
 * `/signin` with a session cookie (the proxy hands the request here, so the sign-in page itself
 * stays static): a live session goes on to its return path, always a path on this site; a cookie
 * whose session is gone is dropped and the sign-in page shown — never a loop between the two.
 */
export async function GET(request: NextRequest) {
  const { searchParams, search } = request.nextUrl;
  if (await currentUser())
    return new NextResponse(null, {
      status: 307,
      headers: { location: safeReturnPath(searchParams.get("callbackUrl")), "cache-control": "no-store" },
    });
  const response = new NextResponse(null, {
    status: 307,
    headers: { location: `/signin${search}`, "cache-control": "no-store" },
  });
  for (const name of SESSION_COOKIES) {
    if (request.cookies.has(name))
      response.cookies.set(name, "", {
        maxAge: 0,
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: name.startsWith("__Secure-"),
      });
  }
  return response;
}
