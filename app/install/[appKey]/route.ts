import type { NextRequest } from "next/server";
import { env } from "@/lib/server/env";
import { newStateNonce, signState, STATE_TTL_MS } from "@/lib/gateway/protocol";
import { gatewayPage, MARKETPLACE_URL } from "@/lib/gateway/responses";
import { clientKey, limited } from "@/lib/http/rate-limit";
import { FUNNEL_WINDOW_MS, recordInstallStarted, pendingVisit, readVisit } from "@/lib/gateway/funnel";
import {
  appByKey,
  callbackPath,
  installPath,
  nonceCookie,
  publicUrl,
  startedCookie,
  stateKey,
} from "@/lib/gateway/keys";

type Params = { params: Promise<{ appKey: string }> };

export const dynamic = "force-dynamic";

/**
 * The app's Installation URL. "Install started" counts distinct visits that reach Pipedrive's consent
 * screen able to finish there, not requests: a first visit is sent back here once with a cookie
 * (`?go=1`), and only a browser that returns with it — one that keeps cookies, as finishing an
 * install requires — is counted, once per 10-minute window, then sent to Pipedrive with a signed
 * `state` (5 minutes) bound to a second cookie. Rotating addresses or scripts that keep no cookie
 * count nothing; a browser without cookies is told why it cannot install.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const { appKey } = await params;
  return limited("gateway", `${clientKey(request)}:${appKey}`, () => startInstall(request, appKey));
}

async function startInstall(request: NextRequest, appKey: string) {
  const app = await appByKey(appKey);
  if (!app)
    return gatewayPage(
      404,
      "This installation link does not work",
      "The app may have been removed. Find it on the Pipedrive Marketplace.",
      { href: MARKETPLACE_URL, text: "Open the Marketplace" },
    );
  const secure = env().AUTH_URL.startsWith("https://") ? "; Secure" : "";
  const started = (value: string) =>
    `${startedCookie(appKey)}=${value}; Path=${installPath(appKey)}; Max-Age=${FUNNEL_WINDOW_MS / 1000}; HttpOnly; SameSite=Lax${secure}`;
  const cookie = readVisit(appKey, request.cookies.get(startedCookie(appKey))?.value);
  const returning = request.nextUrl.searchParams.get("go") === "1";
  if (!cookie) {
    if (returning)
      return gatewayPage(
        400,
        "This installation needs cookies",
        "Your browser did not keep the cookie that ties this installation to it, so Pipedrive's answer could not be matched to it. Allow cookies for this site, then start again.",
        { href: installPath(appKey), text: "Start the installation again" },
      );
    const again = new URL(installPath(appKey), publicUrl("/"));
    again.search = request.nextUrl.search;
    again.searchParams.set("go", "1");
    return new Response(null, {
      status: 303,
      headers: {
        location: `${again.pathname}${again.search}`,
        "cache-control": "no-store",
        "set-cookie": started(pendingVisit(appKey, newStateNonce())),
      },
    });
  }
  const { nonce } = cookie;
  const headers = new Headers({ "cache-control": "no-store" });
  if (cookie.pending) {
    // Came back with the cookie: a visit that can reach Pipedrive's consent and finish there.
    recordInstallStarted(app, nonce);
    headers.append("set-cookie", started(nonce));
  }
  const authorize = new URL("/oauth/authorize", env().PIPEDRIVE_OAUTH_URL);
  authorize.searchParams.set("client_id", app.clientId);
  authorize.searchParams.set("redirect_uri", publicUrl(callbackPath(appKey)));
  authorize.searchParams.set("state", signState(appKey, nonce, stateKey()));
  headers.set("location", authorize.toString());
  headers.append(
    "set-cookie",
    `${nonceCookie(appKey)}=${nonce}; Path=${callbackPath(appKey)}; Max-Age=${STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
  );
  return new Response(null, { status: 302, headers });
}
