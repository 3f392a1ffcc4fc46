import type { NextRequest } from "next/server";
import { parseBasicAuth, readUninstallBody, verifyState } from "@/lib/gateway/protocol";
import { gatewayPage, MARKETPLACE_URL } from "@/lib/gateway/responses";
import { readBody } from "@/lib/http";
import { clientKey, limited } from "@/lib/rate-limit";
import { recordConsentDenied, recordConsentGranted } from "@/lib/gateway/funnel";
import { checkUninstallAuth, recordInstall, recordUninstall } from "@/lib/gateway/installs";
import { appByKey, callbackPath, type GatewayApp, installPath, nonceCookie, stateKey } from "@/lib/gateway/keys";
import { exchangeCode, fetchInstaller } from "@/lib/gateway/pipedrive";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

type Params = { params: Promise<{ appKey: string }> };

export const dynamic = "force-dynamic";

const clearCookie = (appKey: string) => ({
  "set-cookie": `${nonceCookie(appKey)}=; Path=${callbackPath(appKey)}; Max-Age=0; HttpOnly; SameSite=Lax`,
});
const json = (status: number, body: unknown, headers: HeadersInit = {}) =>
  Response.json(body, {
    status,
    headers: { "cache-control": "no-store", ...Object.fromEntries(new Headers(headers)) },
  });

/**
 * The app's Callback URL. `?code&state` finishes an install: the state is checked when present
 * (installs from the Marketplace without an Installation URL arrive without one and are marked so),
 * the code is exchanged, the installer identified and recorded, the tokens forwarded or
 * discarded, and the person sent to the app's onboarding. `?error=user_denied` is a cancel.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const { appKey } = await params;
  return limited("gateway", `${clientKey(request)}:${appKey}`, () => finishInstall(request, appKey));
}

async function finishInstall(request: NextRequest, appKey: string) {
  const app = await appByKey(appKey);
  const again = { href: installPath(appKey), text: "Start the installation again" };
  if (!app)
    return gatewayPage(
      404,
      "This installation link does not work",
      "The app may have been removed. Find it on the Pipedrive Marketplace.",
      { href: MARKETPLACE_URL, text: "Open the Marketplace" },
    );
  const query = request.nextUrl.searchParams;
  const state = query.get("state");

  if (query.get("error")) {
    // A cancel counts once per installation started here (its state checks out); one without a state cannot be verified.
    if (
      query.get("error") === "user_denied" &&
      state !== null &&
      verifyState(state, appKey, request.cookies.get(nonceCookie(appKey))?.value, stateKey()).ok
    )
      recordConsentDenied(app, state);
    return gatewayPage(
      200,
      "The app was not installed",
      "You cancelled on Pipedrive's consent screen, so nothing was installed and no data was shared. You can install it whenever you are ready.",
      { href: MARKETPLACE_URL, text: "Back to the Marketplace" },
      clearCookie(appKey),
    );
  }
  const code = query.get("code");
  if (!code || code.length > 512)
    return gatewayPage(
      400,
      "The installation could not be completed",
      "Pipedrive's answer is missing its installation code.",
      again,
    );
  if (state !== null) {
    const check = verifyState(state, appKey, request.cookies.get(nonceCookie(appKey))?.value, stateKey());
    if (!check.ok) {
      const message =
        check.reason === "expired"
          ? "The installation took longer than 5 minutes."
          : "This installation was not started from this browser, or its link was altered.";
      return gatewayPage(
        400,
        "The installation could not be completed",
        `${message} Please start it again.`,
        again,
        clearCookie(appKey),
      );
    }
  }

  // Counted before the exchange, so the funnel shows installs lost to a failed exchange.
  if (state !== null) recordConsentGranted(app, code);
  try {
    const tokens = await exchangeCode(app, code);
    const installer = await fetchInstaller(tokens);
    recordInstall(app, tokens, installer, code, state === null);
  } catch (error) {
    if (error instanceof AppError && error.title)
      return gatewayPage(error.status, error.title, error.message, again, clearCookie(appKey));
    log().error({ err: error, app: app.id }, "Install failed");
    return gatewayPage(
      500,
      "The installation could not be completed",
      "Something went wrong on our side. Please try again in a moment.",
      again,
      clearCookie(appKey),
    );
  }
  if (app.onboardingUrl)
    return new Response(null, {
      status: 302,
      headers: { location: app.onboardingUrl, "cache-control": "no-store", ...clearCookie(appKey) },
    });
  return gatewayPage(
    200,
    "The app is installed",
    "You can close this page and go back to Pipedrive.",
    null,
    clearCookie(appKey),
  );
}

/**
 * Pipedrive's uninstall call: Basic auth with the app's client id and secret (compared in
 * constant time), a body read tolerantly, recorded once however often it comes, answered 200.
 * Pipedrive never sends an uninstall twice and ignores the answer, so nothing may stand in its way:
 * the credentials are checked first, and an authentic call is never rate limited (a burst of real
 * uninstalls is all stored). Failed authentications are limited per client address and app.
 */
export async function DELETE(request: NextRequest, { params }: Params) {
  const { appKey } = await params;
  const app = await appByKey(appKey);
  const authentic =
    app !== null && (await checkUninstallAuth(app, parseBasicAuth(request.headers.get("authorization"))));
  if (!app || !authentic) {
    return limited("gateway", `${clientKey(request)}:${appKey}`, async () =>
      app
        ? json(
            401,
            {
              error: { code: "UNAUTHENTICATED", message: "Basic auth with the app's client id and secret is required" },
            },
            { "www-authenticate": 'Basic realm="uninstall"' },
          )
        : json(404, { error: { code: "NOT_FOUND", message: "No app answers at this URL" } }),
    );
  }
  // Pipedrive sends each uninstall once and ignores the answer: an authentic call is always taken.
  return uninstall(request, app);
}

async function uninstall(request: NextRequest, app: GatewayApp) {
  let text: string;
  try {
    text = (await readBody(request, 65_536)).toString("utf8");
  } catch {
    return json(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "The body is larger than 64 kB" } });
  }
  const read = readUninstallBody(text);
  if (!read.ok) return json(400, { error: { code: "BAD_REQUEST", message: read.message } });
  const call = read.call;
  if (call.clientId !== null && call.clientId !== app.clientId)
    return json(400, { error: { code: "BAD_REQUEST", message: "client_id does not match this app" } });
  const result = await recordUninstall(app, call);
  return json(200, { ok: true, result });
}
