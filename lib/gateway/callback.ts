import "server-only";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/server/log";
import { recordConsentDenied, recordConsentGranted } from "./funnel";
import { recordInstall, recordUninstall } from "./installs";
import { appByKey, type GatewayApp, installPath, stateKey } from "./keys";
import { exchangeCode, fetchInstaller } from "./pipedrive";
import { readUninstallBody, verifyState } from "./protocol";
import { MARKETPLACE_URL } from "./responses";

type Link = { href: string; text: string };

/** What the Callback URL answers the person installing: a page (and whether its state cookie is spent), or their onboarding. */
export type CallbackAnswer =
  | { kind: "page"; status: number; title: string; message: string; link: Link | null; spent: boolean }
  | { kind: "onboarding"; location: string };

const page = (status: number, title: string, message: string, link: Link | null, spent = true): CallbackAnswer => ({
  kind: "page",
  status,
  title,
  message,
  link,
  spent,
});

const NOT_COMPLETED = "The installation could not be completed";

/**
 * The app's Callback URL. `?code&state` finishes an install: the state is checked when present
 * (installs from the Marketplace without an Installation URL arrive without one and are marked so),
 * the code is exchanged, the installer identified and recorded, the tokens forwarded or
 * discarded, and the person sent to the app's onboarding. `?error=user_denied` is a cancel.
 * `nonce` is the state cookie this browser holds for the app.
 */
export async function finishInstall(
  appKey: string,
  query: URLSearchParams,
  nonce: string | undefined,
): Promise<CallbackAnswer> {
  const app = await appByKey(appKey);
  const again = { href: installPath(appKey), text: "Start the installation again" };
  if (!app)
    return page(
      404,
      "This installation link does not work",
      "The app may have been removed. Find it on the Pipedrive Marketplace.",
      { href: MARKETPLACE_URL, text: "Open the Marketplace" },
      false,
    );
  const state = query.get("state");
  const checked = state === null ? null : verifyState(state, appKey, nonce, stateKey());

  if (query.get("error")) {
    // A cancel counts once per installation started here (its state checks out); one without a state cannot be verified.
    if (query.get("error") === "user_denied" && state !== null && checked?.ok) recordConsentDenied(app, state);
    return page(
      200,
      "The app was not installed",
      "You cancelled on Pipedrive's consent screen, so nothing was installed and no data was shared. You can install it whenever you are ready.",
      { href: MARKETPLACE_URL, text: "Back to the Marketplace" },
    );
  }
  const code = query.get("code");
  if (!code || code.length > 512)
    return page(400, NOT_COMPLETED, "Pipedrive's answer is missing its installation code.", again, false);
  if (checked && !checked.ok) {
    const message =
      checked.reason === "expired"
        ? "The installation took longer than 5 minutes."
        : "This installation was not started from this browser, or its link was altered.";
    return page(400, NOT_COMPLETED, `${message} Please start it again.`, again);
  }

  // Counted before the exchange, so the funnel shows installs lost to a failed exchange.
  if (state !== null) recordConsentGranted(app, code);
  try {
    const tokens = await exchangeCode(app, code);
    const installer = await fetchInstaller(tokens);
    recordInstall(app, tokens, installer, code, state === null);
  } catch (error) {
    if (error instanceof AppError && error.title) return page(error.status, error.title, error.message, again);
    log().error({ err: error, app: app.id }, "Install failed");
    return page(500, NOT_COMPLETED, "Something went wrong on our side. Please try again in a moment.", again);
  }
  if (app.onboardingUrl) return { kind: "onboarding", location: app.onboardingUrl };
  return page(200, "The app is installed", "You can close this page and go back to Pipedrive.", null);
}

/** What an authentic uninstall call is answered: its status and JSON body. */
export type UninstallAnswer = { status: number; body: unknown };

const refused = (status: number, code: string, message: string): UninstallAnswer => ({
  status,
  body: { error: { code, message } },
});

/** Pipedrive's uninstall call for `app`, its credentials already checked: the body read tolerantly, recorded once. */
export async function takeUninstall(app: GatewayApp, body: string): Promise<UninstallAnswer> {
  const read = readUninstallBody(body);
  if (!read.ok) return refused(400, "BAD_REQUEST", read.message);
  const call = read.call;
  if (call.clientId !== null && call.clientId !== app.clientId)
    return refused(400, "BAD_REQUEST", "client_id does not match this app");
  return { status: 200, body: { ok: true, result: await recordUninstall(app, call) } };
}
