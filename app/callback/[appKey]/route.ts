import type { NextRequest } from "next/server";
import { finishInstall, takeUninstall } from "@/lib/gateway/callback";
import { parseBasicAuth } from "@/lib/gateway/protocol";
import { gatewayPage } from "@/lib/gateway/responses";
import { readBody } from "@/lib/http/route";
import { clientKey, limited } from "@/lib/http/rate-limit";
import { checkUninstallAuth } from "@/lib/gateway/installs";
import { appByKey, callbackPath, type GatewayApp, nonceCookie } from "@/lib/gateway/keys";

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

/** The app's Callback URL: an install finishing or cancelled (lib/gateway/callback.ts). */
export async function GET(request: NextRequest, { params }: Params) {
  const { appKey } = await params;
  return limited("gateway", `${clientKey(request)}:${appKey}`, async () => {
    const nonce = request.cookies.get(nonceCookie(appKey))?.value;
    const answer = await finishInstall(appKey, request.nextUrl.searchParams, nonce);
    if (answer.kind === "onboarding")
      return new Response(null, {
        status: 302,
        headers: { location: answer.location, "cache-control": "no-store", ...clearCookie(appKey) },
      });
    return gatewayPage(
      answer.status,
      answer.title,
      answer.message,
      answer.link,
      answer.spent ? clearCookie(appKey) : {},
    );
  });
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
  const answer = await takeUninstall(app, text);
  return json(answer.status, answer.body);
}
