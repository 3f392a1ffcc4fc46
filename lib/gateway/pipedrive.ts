import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { parseUsersMe } from "@/lib/pipedrive/users-me";
import { trustedApiDomain } from "@/lib/pipedrive/api-domain";

export { trustedApiDomain };
import { audit } from "@/lib/audit/log";
import { log } from "@/lib/server/log";
import { type GatewayApp, callbackPath, publicUrl } from "./keys";

/** Pipedrive's side of an install: the code exchanged for tokens, the installer fetched with them. */

export type TokenSet = {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  api_domain: string;
};

/** A failed install as the installer reads it: a status, a heading and what to do. */
const installFailed = (status: 400 | 502 | 503, title: string, message: string) =>
  new AppError(
    status === 400 ? "BAD_REQUEST" : status === 502 ? "BAD_GATEWAY" : "SERVICE_UNAVAILABLE",
    message,
    undefined,
    title,
  );

/**
 * Exchanges the code with Basic auth, as Pipedrive requires. Pipedrive answers a refused exchange
 * with HTTP 400 and an OAuth error: `invalid_grant` is the installer's (the code expired or was
 * used: start again), `invalid_client` is the partner's (the stored client secret is wrong: the
 * installer gets a neutral page, the app a notice with the fix).
 */
export async function exchangeCode(app: GatewayApp, code: string, now = new Date()): Promise<TokenSet> {
  if (!app.clientId)
    throw installFailed(
      503,
      "This app is not set up yet",
      "Its client ID is missing in Listing Studio. Please contact the app's developer.",
    );
  if (!app.clientSecret)
    throw installFailed(
      503,
      "This app is not set up yet",
      "Its client secret is missing in Listing Studio. Please contact the app's developer.",
    );
  let res: Response;
  try {
    res = await fetch(`${env().PIPEDRIVE_OAUTH_URL}/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: publicUrl(callbackPath(app.appKey)),
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw installFailed(
      502,
      "Pipedrive could not be reached",
      "The installation could not be completed. Please try again in a moment.",
    );
  }
  const body = (await res.json().catch(() => null)) as (Partial<TokenSet> & { error?: unknown }) | null;
  if (!res.ok || !body?.access_token) {
    const error = typeof body?.error === "string" ? body.error : null;
    if (error === "invalid_client") {
      await markClientRejected(app, now);
      throw installFailed(
        502,
        "The installation could not be completed",
        "The app could not finish connecting to your Pipedrive account. Its developer has been told; please try again later.",
      );
    }
    if (error === "invalid_grant") {
      throw installFailed(
        400,
        "This installation has expired",
        "Pipedrive's installation code works once and only for 5 minutes, and this one was already used or is too old. Please start the installation again.",
      );
    }
    log().warn({ app: app.id, status: res.status, error }, "Pipedrive refused the token exchange");
    throw installFailed(
      502,
      "The installation could not be completed",
      "Pipedrive answered with an error. Please try again in a moment.",
    );
  }
  await db.app.updateMany({ where: { id: app.id, clientRejectedAt: { not: null } }, data: { clientRejectedAt: null } });
  return {
    access_token: body.access_token,
    refresh_token: body.refresh_token ?? "",
    expires_in: Number(body.expires_in ?? 0),
    token_type: body.token_type ?? "bearer",
    scope: body.scope ?? "",
    api_domain: body.api_domain ?? "",
  };
}

/** Pipedrive refused the stored client id and secret: the app shows a notice until a new secret or a working install. */
async function markClientRejected(app: GatewayApp, now: Date) {
  const { count } = await db.app.updateMany({
    where: { id: app.id, clientRejectedAt: null },
    data: { clientRejectedAt: now },
  });
  if (count === 0) return;
  const row = await db.app.findUniqueOrThrow({ where: { id: app.id }, select: { workspaceId: true, name: true } });
  await audit({
    workspaceId: row.workspaceId,
    actor: { id: null, name: "Install gateway" },
    action: "app.client_rejected",
    targetType: "app",
    targetId: app.id,
    targetName: row.name,
  });
}

export async function fetchInstaller(tokens: TokenSet) {
  let res: Response;
  try {
    res = await fetch(`${trustedApiDomain(tokens.api_domain)}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw installFailed(
      502,
      "Pipedrive could not be reached",
      "The installation could not be completed. Please try again in a moment.",
    );
  }
  if (!res.ok)
    throw installFailed(
      502,
      "The installation could not be completed",
      "Pipedrive did not tell us who is installing. Please try again in a moment.",
    );
  try {
    return parseUsersMe(await res.json());
  } catch {
    throw installFailed(
      502,
      "The installation could not be completed",
      "Pipedrive did not tell us who is installing. Please try again in a moment.",
    );
  }
}
