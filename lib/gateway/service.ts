import "server-only";
import { clientSecretContext, handoffSecretContext } from "@/lib/crypto/contexts";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getApp } from "@/lib/apps/service";
import { requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertOutboundUrl } from "@/lib/net/policy";
import { forbidden, notFound } from "@/lib/errors";
import { ingestEvents, type OutboxInsert } from "@/lib/installs/ingest";
import type { IngestEvent } from "@/lib/installs/types";
import { sealBody } from "@/lib/outbox/outbox";
import { parseUsersMe } from "@/lib/pipedrive/users-me";
import { getDraft, saveDraft } from "@/lib/listing/drafts";
import { hasRole } from "@/lib/team/roles";
import { safeEqual } from "@/lib/crypto/sign";
import type { UninstallCall } from "./protocol";
import { gatewaySettingsSchema } from "./schema";
import { audit, auditBy } from "@/lib/audit/log";
import { log } from "@/lib/log";

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

export type GatewaySettings = {
  installationUrl: string;
  callbackUrl: string;
  handoffMode: "FORWARD" | "RECORD_ONLY";
  handoffUrl: string;
  onboardingUrl: string;
  hasClientSecret: boolean;
  /** Whether the listing's Callback and Installation URLs are the gateway's. */
  inListing: { callbackUrl: boolean; installationUrl: boolean };
};

/** The gateway's two URLs for an app (its key made on first use). */
export async function gatewayUrls(appId: string) {
  await ensureGateway(appId);
  const { appKey } = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { appKey: true } });
  return { installationUrl: publicUrl(installPath(appKey!)), callbackUrl: publicUrl(callbackPath(appKey!)) };
}

export async function gatewaySettings(member: Member, appId: string): Promise<GatewaySettings> {
  const summary = await getApp(member, appId);
  requireFeature(summary, "oauth");
  const urls = await gatewayUrls(appId);
  const [app, draft] = await Promise.all([db.app.findUniqueOrThrow({ where: { id: appId } }), getDraft(member, appId)]);
  return {
    ...urls,
    handoffMode: app.handoffMode === "FORWARD" ? "FORWARD" : "RECORD_ONLY",
    handoffUrl: app.handoffUrl ?? "",
    onboardingUrl: app.onboardingUrl ?? "",
    hasClientSecret: summary.hasClientSecret,
    inListing: {
      callbackUrl: draft.data.callbackUrl.trim() === urls.callbackUrl,
      installationUrl: draft.data.installationUrl.trim() === urls.installationUrl,
    },
  };
}

/** Puts the gateway's Callback and Installation URLs in the listing, as one edit of the draft. */
export async function putGatewayInListing(member: Member, appId: string) {
  if (!hasRole(member.role, "EDITOR")) throw forbidden("Viewers cannot edit listings");
  requireFeature(await getApp(member, appId), "oauth");
  const urls = await gatewayUrls(appId);
  const draft = await getDraft(member, appId);
  if (draft.data.callbackUrl === urls.callbackUrl && draft.data.installationUrl === urls.installationUrl) return urls;
  await saveDraft(member, appId, { revision: draft.revision, data: { ...draft.data, ...urls } });
  await auditBy(
    member,
    "gateway.listing",
    { type: "app", id: appId },
    {
      callbackUrl: [draft.data.callbackUrl, urls.callbackUrl],
      installationUrl: [draft.data.installationUrl, urls.installationUrl],
    },
  );
  return urls;
}

export async function updateGatewaySettings(member: Member, appId: string, input: unknown) {
  if (!hasRole(member.role, "OWNER")) throw forbidden("Only an owner can change where tokens go");
  requireFeature(await getApp(member, appId), "oauth");
  const data = gatewaySettingsSchema.parse(input);
  if (data.handoffUrl) await assertOutboundUrl(data.handoffUrl, "handoffUrl", "Handoff URL");
  await db.app.update({
    where: { id: appId },
    data: {
      handoffMode: data.handoffMode,
      handoffUrl: data.handoffUrl || null,
      onboardingUrl: data.onboardingUrl || null,
    },
  });
  await auditBy(
    member,
    "gateway.update",
    { type: "app", id: appId },
    { handoffMode: data.handoffMode, handoffUrl: data.handoffUrl || null, onboardingUrl: data.onboardingUrl || null },
  );
}

/** The signing secret, shown to owners so their backend can verify deliveries. */
export async function revealHandoffSecret(member: Member, appId: string) {
  if (!hasRole(member.role, "OWNER")) throw forbidden("Only an owner can see the signing secret");
  requireFeature(await getApp(member, appId), "oauth");
  await ensureGateway(appId);
  const app = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { handoffSecret: true } });
  await auditBy(member, "gateway.secret.reveal", { type: "app", id: appId });
  return openSecret(app.handoffSecret!, handoffSecretContext(appId));
}

/** The funnel counts visits, not requests: a browser is counted once per window (see the install route). */
export const FUNNEL_WINDOW_MS = 10 * 60_000;

/**
 * The Installation URL's cookie, as the server wrote it: `p.<nonce>.<signature>` on a first visit (the
 * signature, keyed like `state`, means only this server's cookie counts when the browser comes back
 * with it), then `<nonce>` once counted. Null for anything else.
 */
const signVisit = (appKey: string, nonce: string) =>
  createHmac("sha256", stateKey()).update(`started:${appKey}:${nonce}`).digest("base64url").slice(0, 22);
export const pendingVisit = (appKey: string, nonce: string) => `p.${nonce}.${signVisit(appKey, nonce)}`;
export function readVisit(appKey: string, value: string | undefined): { nonce: string; pending: boolean } | null {
  const match = /^(?:p\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{22})|([A-Za-z0-9_-]{24}))$/.exec(value ?? "");
  if (!match) return null;
  if (match[3]) return { nonce: match[3], pending: false };
  const expected = Buffer.from(signVisit(appKey, match[1]!));
  const given = Buffer.from(match[2]!);
  return timingSafeEqual(expected, given) ? { nonce: match[1]!, pending: true } : null;
}

/** A browser that keeps cookies was sent to Pipedrive's consent from the Installation URL (`visit`: its cookie's nonce). */
export function recordInstallStarted(app: GatewayApp, visit: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `started:${createHash("sha256").update(visit).digest("hex").slice(0, 32)}`,
      type: "INSTALL_STARTED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}

/** Pipedrive came back with a code for an installation started here: the person consented. */
export function recordConsentGranted(app: GatewayApp, code: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `granted:${createHash("sha256").update(code).digest("hex").slice(0, 40)}`,
      type: "CONSENT_GRANTED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}

/**
 * Someone cancelled on Pipedrive's consent screen, in an installation started here (its state checks
 * out): once per state. A cancel without a state (the Marketplace's own flow) cannot be told from a
 * forged one, and is not counted.
 */
export function recordConsentDenied(app: GatewayApp, state: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `denied:${createHash("sha256").update(state).digest("hex").slice(0, 32)}`,
      type: "CONSENT_DENIED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}

export type TokenSet = {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  api_domain: string;
};

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Exchanges the code with Basic auth, as Pipedrive requires. Pipedrive answers a refused exchange
 * with HTTP 400 and an OAuth error: `invalid_grant` is the installer's (the code expired or was
 * used: start again), `invalid_client` is the partner's (the stored client secret is wrong: the
 * installer gets a neutral page, the app a notice with the fix).
 */
export async function exchangeCode(app: GatewayApp, code: string, now = new Date()): Promise<TokenSet> {
  if (!app.clientSecret)
    throw new GatewayError(
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
    throw new GatewayError(
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
      throw new GatewayError(
        502,
        "The installation could not be completed",
        "The app could not finish connecting to your Pipedrive account. Its developer has been told; please try again later.",
      );
    }
    if (error === "invalid_grant") {
      throw new GatewayError(
        400,
        "This installation has expired",
        "Pipedrive's installation code works once and only for 5 minutes, and this one was already used or is too old. Please start the installation again.",
      );
    }
    log().warn({ app: app.id, status: res.status, error }, "Pipedrive refused the token exchange");
    throw new GatewayError(
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

/** The `api_domain` to call with the new token: a Pipedrive company domain (or the configured API), never anything else. */
export function trustedApiDomain(apiDomain: string): string {
  const configured = new URL(env().PIPEDRIVE_API_URL).origin;
  try {
    const url = new URL(apiDomain || configured);
    if (
      url.origin === configured ||
      (url.protocol === "https:" && (url.hostname === "pipedrive.com" || url.hostname.endsWith(".pipedrive.com")))
    )
      return url.origin;
  } catch {
    // fall through
  }
  return configured;
}

export async function fetchInstaller(tokens: TokenSet) {
  let res: Response;
  try {
    res = await fetch(`${trustedApiDomain(tokens.api_domain)}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new GatewayError(
      502,
      "Pipedrive could not be reached",
      "The installation could not be completed. Please try again in a moment.",
    );
  }
  if (!res.ok)
    throw new GatewayError(
      502,
      "The installation could not be completed",
      "Pipedrive did not tell us who is installing. Please try again in a moment.",
    );
  try {
    return parseUsersMe(await res.json());
  } catch {
    throw new GatewayError(
      502,
      "The installation could not be completed",
      "Pipedrive did not tell us who is installing. Please try again in a moment.",
    );
  }
}

/** Records the installation and, in forward mode, queues the token set for the partner's backend in the same transaction. */
export function recordInstall(
  app: GatewayApp,
  tokens: TokenSet,
  installer: Awaited<ReturnType<typeof fetchInstaller>>,
  code: string,
  viaMarketplace: boolean,
  now = new Date(),
) {
  const scopes = tokens.scope
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(" ");
  const event: IngestEvent = {
    dedupeKey: `install:${createHash("sha256").update(code).digest("hex").slice(0, 40)}`,
    type: "INSTALL",
    companyId: installer.companyId,
    userId: installer.userId,
    occurredAt: now,
    scopes,
    source: viaMarketplace ? "MARKETPLACE" : "GATEWAY",
    companyName: installer.company.name,
    userName: installer.name,
  };
  const outbox = (): OutboxInsert | null =>
    app.handoffMode === "FORWARD" && app.handoffUrl
      ? {
          kind: "HANDOFF",
          url: app.handoffUrl,
          body: sealBody(app.id, {
            event: "install",
            company_id: installer.companyId,
            user_id: installer.userId,
            company_name: installer.company.name,
            user_name: installer.name,
            scopes,
            installed_at: now.toISOString(),
            api_domain: tokens.api_domain,
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            expires_in: tokens.expires_in,
            token_type: tokens.token_type,
          }),
        }
      : null;
  return ingestEvents(app.id, [event], { outbox })[0];
}

export async function checkUninstallAuth(app: GatewayApp, credentials: { id: string; secret: string } | null) {
  if (!credentials || !app.clientSecret) return false;
  // Both compared, always: the time does not tell which one was wrong.
  const idOk = safeEqual(credentials.id, app.clientId);
  const secretOk = safeEqual(credentials.secret, app.clientSecret);
  return idOk && secretOk;
}

/**
 * Pipedrive's uninstall call, once per installation lifecycle however often (and with whatever
 * timestamps) it comes; relayed to the partner's backend in forward mode.
 */
export async function recordUninstall(app: GatewayApp, call: UninstallCall, now = new Date()) {
  const current = await db.installation.findUnique({
    where: { appId_companyId_userId: { appId: app.id, companyId: call.companyId, userId: call.userId } },
  });
  if (current?.uninstalledAt) return "duplicate" as const;
  const key = `uninstall:${call.companyId}:${call.userId}:since:${current?.installedAt.toISOString() ?? "untracked"}`;
  // A timestamp to the second ("YYYY-MM-DD HH:MM:SS") means some moment within that second: read it
  // as its end, so an uninstall in the same second as the install still follows it.
  const stated =
    call.timestamp && call.timestamp.getUTCMilliseconds() === 0
      ? new Date(call.timestamp.getTime() + 999)
      : call.timestamp;
  const occurredAt = stated && stated <= now ? stated : now;
  const outbox = (): OutboxInsert | null =>
    app.handoffMode === "FORWARD" && app.handoffUrl
      ? {
          kind: "UNINSTALL_RELAY",
          url: app.handoffUrl,
          body: sealBody(app.id, {
            event: "uninstall",
            company_id: call.companyId,
            user_id: call.userId,
            uninstalled_at: occurredAt.toISOString(),
          }),
        }
      : null;
  return ingestEvents(
    app.id,
    [
      {
        dedupeKey: key,
        type: "UNINSTALL",
        companyId: call.companyId,
        userId: call.userId,
        occurredAt,
        source: "GATEWAY",
      },
    ],
    { outbox },
  )[0];
}

export type DeliveryView = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

/** Deliveries still waiting or given up on, with counts, for the settings page. */
export async function listDeliveries(member: Member, appId: string) {
  requireFeature(await getApp(member, appId), "oauth");
  const [rows, pending, failed, delivered] = await Promise.all([
    db.outboxMessage.findMany({
      where: { appId, webhookId: null, status: { in: ["PENDING", "SENDING", "FAILED"] } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.outboxMessage.count({ where: { appId, webhookId: null, status: { in: ["PENDING", "SENDING"] } } }),
    db.outboxMessage.count({ where: { appId, webhookId: null, status: "FAILED" } }),
    db.outboxMessage.count({ where: { appId, webhookId: null, status: "DELIVERED" } }),
  ]);
  return {
    counts: { pending, failed, delivered },
    items: rows.map((r): DeliveryView => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Sends a failed or waiting delivery again at the worker's next round. */
export async function retryDelivery(member: Member, appId: string, deliveryId: unknown) {
  if (!hasRole(member.role, "EDITOR")) throw forbidden("Viewers cannot retry deliveries");
  requireFeature(await getApp(member, appId), "oauth");
  if (typeof deliveryId !== "string") throw notFound("Delivery");
  const { count } = await db.outboxMessage.updateMany({
    where: { id: deliveryId, appId, webhookId: null, status: { in: ["PENDING", "FAILED"] } },
    data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0 },
  });
  if (count === 0) throw notFound("Delivery");
  await auditBy(member, "delivery.retry", { type: "delivery", id: deliveryId }, { appId });
}
