import "server-only";
import { clientSecretContext, handoffSecretContext } from "@/lib/crypto/contexts";
import { createHmac, randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";

/** The gateway's address for an app: its key, its two URLs, and the cookies and signing key an install uses. */

const newAppKey = () => randomBytes(12).toString("base64url");

/** The key that signs `state`: derived from AUTH_SECRET, used for nothing else. */
export const stateKey = () =>
  createHmac("sha256", env().AUTH_SECRET ?? "")
    .update("install-gateway-state")
    .digest("base64url");

/** The cookie that binds a `state` to the browser that started the install. */
export const nonceCookie = (appKey: string) => `ls_install_${appKey}`;
/** Set on the Installation URL: the browser was counted as "install started" in this window. */
export const startedCookie = (appKey: string) => `ls_started_${appKey}`;
export const installPath = (appKey: string) => `/install/${appKey}`;
export const callbackPath = (appKey: string) => `/callback/${appKey}`;
export const publicUrl = (path: string) => `${env().AUTH_URL}${path}`;

export type GatewayApp = {
  id: string;
  appKey: string;
  clientId: string;
  clientSecret: string | null;
  handoffMode: "FORWARD" | "RECORD_ONLY";
  handoffUrl: string | null;
  onboardingUrl: string | null;
};

/** The app behind a gateway URL (archived apps do not take installs). */
export async function appByKey(appKey: string): Promise<GatewayApp | null> {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(appKey)) return null;
  const app = await db.app.findUnique({ where: { appKey } });
  if (!app || app.archivedAt) return null;
  return {
    id: app.id,
    appKey,
    clientId: app.clientId,
    clientSecret: app.clientSecret ? openSecret(app.clientSecret, clientSecretContext(app.id)) : null,
    handoffMode: app.handoffMode === "FORWARD" ? "FORWARD" : "RECORD_ONLY",
    handoffUrl: app.handoffUrl,
    onboardingUrl: app.onboardingUrl,
  };
}

/** Gives an app its gateway key and signing secret the first time they are needed. */
export async function ensureGateway(appId: string) {
  const app = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { appKey: true, handoffSecret: true } });
  if (app.appKey && app.handoffSecret) return;
  await db.app.update({
    where: { id: appId },
    data: {
      appKey: app.appKey ?? newAppKey(),
      handoffSecret:
        app.handoffSecret ?? sealSecret(randomBytes(32).toString("base64url"), handoffSecretContext(appId)),
    },
  });
}
