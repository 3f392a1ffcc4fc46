import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, signState, STATE_TTL_MS } from "@/lib/gateway/protocol";
import { gatewayPage, MARKETPLACE_URL } from "@/lib/gateway/responses";
import { clientKey, limited } from "@/lib/rate-limit";
import {
  appByKey,
  callbackPath,
  FUNNEL_WINDOW_MS,
  installPath,
  nonceCookie,
  publicUrl,
  recordInstallStarted,
  startedCookie,
  stateKey,
  visitorKey,
} from "@/lib/gateway/service";

type Params = { params: Promise<{ appKey: string }> };

export const dynamic = "force-dynamic";

/**
 * The app's Installation URL: records "install started" (once per browser and 10-minute window: a
 * browser that comes back carries the cookie of its first visit; one without cookies counts once
 * per address), binds a signed `state` (5 minutes) to a cookie, and sends the person to Pipedrive's
 * consent screen.
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
  const returning = request.cookies.get(startedCookie(appKey))?.value;
  const nonce = returning && /^[A-Za-z0-9_-]{24}$/.test(returning) ? returning : newNonce();
  if (nonce !== returning) recordInstallStarted(app, visitorKey(clientKey(request)));
  const authorize = new URL("/oauth/authorize", env().PIPEDRIVE_OAUTH_URL);
  authorize.searchParams.set("client_id", app.clientId);
  authorize.searchParams.set("redirect_uri", publicUrl(callbackPath(appKey)));
  authorize.searchParams.set("state", signState(appKey, nonce, stateKey()));
  const secure = env().AUTH_URL.startsWith("https://") ? "; Secure" : "";
  const headers = new Headers({ location: authorize.toString(), "cache-control": "no-store" });
  headers.append(
    "set-cookie",
    `${nonceCookie(appKey)}=${nonce}; Path=${callbackPath(appKey)}; Max-Age=${STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
  );
  if (nonce !== returning)
    headers.append(
      "set-cookie",
      `${startedCookie(appKey)}=${nonce}; Path=${installPath(appKey)}; Max-Age=${FUNNEL_WINDOW_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
    );
  return new Response(null, { status: 302, headers });
}
