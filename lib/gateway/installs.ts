import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { ingestEvents, type OutboxInsert } from "@/lib/installs/ingest";
import type { IngestEvent } from "@/lib/installs/types";
import { sealBody } from "@/lib/outbox/outbox";
import { safeEqual } from "@/lib/crypto/sign";
import type { UninstallCall } from "./protocol";
import type { GatewayApp } from "./keys";
import { type TokenSet, fetchInstaller } from "./pipedrive";

/** Installs and uninstalls recorded from the gateway, with what is relayed to the partner's backend. */

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
    // As Pipedrive sent them: a missing name stays missing rather than a made-up label.
    companyName: installer.sent.companyName,
    userName: installer.sent.name,
    userEmail: installer.email,
    companyDomain: installer.company.domain,
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
  // An app without its client ID or secret cannot be called by Pipedrive: nothing can match.
  if (!credentials || !app.clientId || !app.clientSecret) return false;
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
