import { env } from "@/lib/env";
import { newNonce, signState, STATE_TTL_MS } from "@/lib/gateway/protocol";
import { gatewayPage, MARKETPLACE_URL } from "@/lib/gateway/responses";
import { clientKey, limited } from "@/lib/rate-limit";
import { appByKey, callbackPath, nonceCookie, publicUrl, recordInstallStarted, stateKey } from "@/lib/gateway/service";

type Params = { params: Promise<{ appKey: string }> };

export const dynamic = "force-dynamic";

/**
 * The app's Installation URL: records "install started", binds a signed `state` (5 minutes) to a
 * cookie, and sends the person to Pipedrive's consent screen.
 */
export async function GET(request: Request, { params }: Params) {
  const { appKey } = await params;
  return limited("gateway", `${clientKey(request)}:${appKey}`, () => startInstall(appKey));
}

async function startInstall(appKey: string) {
  const app = await appByKey(appKey);
  if (!app) return gatewayPage(404, "This installation link does not work", "The app may have been removed. Find it on the Pipedrive Marketplace.", { href: MARKETPLACE_URL, text: "Open the Marketplace" });
  const nonce = newNonce();
  recordInstallStarted(app, nonce);
  const authorize = new URL("/oauth/authorize", env().PIPEDRIVE_OAUTH_URL);
  authorize.searchParams.set("client_id", app.clientId);
  authorize.searchParams.set("redirect_uri", publicUrl(callbackPath(appKey)));
  authorize.searchParams.set("state", signState(appKey, nonce, stateKey()));
  const secure = env().AUTH_URL.startsWith("https://") ? "; Secure" : "";
  return new Response(null, {
    status: 302,
    headers: {
      location: authorize.toString(),
      "cache-control": "no-store",
      "set-cookie": `${nonceCookie(appKey)}=${nonce}; Path=${callbackPath(appKey)}; Max-Age=${STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
    },
  });
}
