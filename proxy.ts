import { NextResponse, type NextRequest } from "next/server";
import { NO_SCRIPT_CSP, newCspNonce, pageCsp, prerenderedPageCsp } from "@/lib/http/csp";
import { env } from "@/lib/server/env";
import { ACTION_BODY_LIMIT_BYTES, REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-meta";
import { isDashboardPath, PATH_HEADER, SESSION_COOKIES, signInPath } from "@/lib/http/paths";
import { CROSS_ORIGIN_MESSAGE, isSafeMethod, isSameOrigin } from "@/lib/security/same-origin";
import { prerenderedScriptHashes } from "@/lib/http/static-pages";

/** What the page policy needs from the environment, read once (the proxy runs on every page). */
let settings: Parameters<typeof pageCsp>[1] | undefined;
function policySettings() {
  if (!settings) {
    const { isProduction, PIPEDRIVE_OAUTH_URL, PIPEDRIVE_API_URL } = env();
    settings = {
      dev: !isProduction,
      oauthOrigin: new URL(PIPEDRIVE_OAUTH_URL).origin,
      apiOrigin: new URL(PIPEDRIVE_API_URL).origin,
    };
  }
  return settings;
}

/** The policy of a prerendered page, worked out once per path (its HTML is fixed for the build). */
const prerenderedPolicies = new Map<string, string | null>();
function prerenderedPolicy(pathname: string): string | null {
  if (policySettings().dev) return null;
  if (!prerenderedPolicies.has(pathname)) {
    const hashes = prerenderedScriptHashes(pathname);
    // Only the prerendered paths are kept (any other path is answered null without a lookup).
    if (hashes) prerenderedPolicies.set(pathname, prerenderedPageCsp(hashes, policySettings()));
    else return null;
  }
  return prerenderedPolicies.get(pathname)!;
}

/**
 * Every page request passes here:
 * - a fresh nonce and the Content-Security-Policy that allows only scripts carrying it (Next.js
 *   reads the nonce from the request's policy and puts it on its scripts); the prerendered pages
 *   (landing, sign-in: lib/http/static-pages.ts) instead get the policy of their inline scripts' hashes;
 * - `/signin` with a session cookie goes to `/signin/resume`, which sends a signed-in person on;
 * - a request id, on the request (for logs) and the response;
 * - every request that would change something (server actions, from script or a plain form) is
 *   held to one rule before anything reads it: a declared body within the limit (else 413; the
 *   server itself answers this, and a body of no declared length, before Next.js copies it:
 *   instrumentation.ts) and this deployment's own origin (else 403);
 * - early redirect only: a dashboard URL without any session cookie goes straight to sign-in.
 *   The real check (a live database session and a membership) happens on the server in every page.
 */
export function proxy(request: NextRequest): Response {
  const requestId = requestIdOf(request.headers.get(REQUEST_ID_HEADER));
  if (isSafeMethod(request.method)) return page(request, requestId);
  const refused = writeProblem(request);
  if (refused) return problem(refused, requestId);
  return page(request, requestId);
}

const TOO_LARGE = {
  status: 413,
  code: "PAYLOAD_TOO_LARGE",
  message: `The request is larger than ${ACTION_BODY_LIMIT_BYTES / 1_000_000} MB`,
};

const problem = (refused: { status: number; code: string; message: string }, requestId: string) =>
  Response.json(
    { error: { code: refused.code, message: refused.message } },
    { status: refused.status, headers: { [REQUEST_ID_HEADER]: requestId, "content-security-policy": NO_SCRIPT_CSP } },
  );

function page(request: NextRequest, requestId: string): Response {
  const { pathname, search } = request.nextUrl;
  const returnTo = `${pathname}${search}`;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isDashboardPath(pathname) && !hasSession) {
    const response = NextResponse.redirect(new URL(signInPath(returnTo), request.url));
    response.headers.set(REQUEST_ID_HEADER, requestId);
    response.headers.set("content-security-policy", NO_SCRIPT_CSP);
    return response;
  }
  if (pathname === "/signin" && hasSession)
    return NextResponse.rewrite(new URL(`/signin/resume${search}`, request.url));
  const prerendered = prerenderedPolicy(pathname);
  if (prerendered) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", prerendered);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  const csp = pageCsp(newCspNonce(), policySettings());
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, returnTo);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/** Server actions are posted by Listing Studio's own pages with an id the build gave them. */
const ACTION_ID = /^[0-9a-f]{40,64}$/i;

/**
 * What is wrong with a request that would change something (a server action, from script or from a
 * plain form, or any other POST to a page), told before Next.js reads it (which would answer a 500
 * for some): a declared body over the limit (413), another origin than this deployment's — scheme,
 * host and port — (403, lib/security/same-origin.ts), an action id no build makes (400).
 */
function writeProblem(request: NextRequest): { status: number; code: string; message: string } | null {
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  if (!isSameOrigin(request.headers, ownOrigin()))
    return { status: 403, code: "FORBIDDEN", message: CROSS_ORIGIN_MESSAGE };
  const action = request.headers.get("next-action");
  if (action !== null && !ACTION_ID.test(action))
    return { status: 400, code: "BAD_REQUEST", message: "This is not an action of Listing Studio" };
  return null;
}

let authOrigin: string | undefined;
const ownOrigin = () => (authOrigin ??= new URL(env().AUTH_URL).origin);

/**
 * Pages and server actions only. API routes, the install gateway, share links and unsubscribe links
 * (whose responses are not rendered pages, and whose posts carry their own token) never go through it; neither do static files, prefetches
 * or a read of the landing page (the same bytes for everyone, with the policy the build wrote) —
 * but a request that carries an action (its id in a header, or a multipart form, which is how
 * Next.js tells one) always does, whatever it says it is. (The matcher must be literal: it is read
 * at build time.)
 */
export const config = {
  matcher: [
    {
      // Not the landing page `/` either (its policy comes with it from the build: lib/http/prerendered-policy.ts).
      source:
        "/((?!$|api/|_next/static|_next/image|install/|callback/|p/|r/|survey/|unsubscribe/|icon.svg|favicon.ico|share-page.js|share.css).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      source:
        "/((?!api/|_next/static|_next/image|install/|callback/|p/|r/|survey/|unsubscribe/|icon.svg|favicon.ico|share-page.js|share.css).*)",
      has: [{ type: "header", key: "next-action" }],
    },
    {
      source:
        "/((?!api/|_next/static|_next/image|install/|callback/|p/|r/|survey/|unsubscribe/|icon.svg|favicon.ico|share-page.js|share.css).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
  ],
};
