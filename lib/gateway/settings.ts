import "server-only";
import { handoffSecretContext } from "@/lib/crypto/contexts";
import { getApp } from "@/lib/apps/service";
import { requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { openSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { assertOutboundUrl } from "@/lib/net/policy";

import { getDraft, saveDraft } from "@/lib/listing/drafts";
import { authorize } from "@/lib/team/permissions";
import { gatewaySettingsSchema } from "./schema";
import { auditBy } from "@/lib/audit/log";
import { callbackPath, ensureGateway, installPath, publicUrl } from "./keys";
import type { GatewaySettings } from "./types";

/** What a partner sets for the gateway: where tokens go, the listing's URLs, the signing secret. */

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
  const [app, draft] = await Promise.all([
    db.app.findUniqueOrThrow({ where: { id: appId, workspaceId: member.workspace.id } }),
    getDraft(member, appId),
  ]);
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
  authorize(member, "listing.edit");
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
  authorize(member, "gateway.settings");
  requireFeature(await getApp(member, appId), "oauth");
  const data = gatewaySettingsSchema.parse(input);
  if (data.handoffUrl) await assertOutboundUrl(data.handoffUrl, "handoffUrl", "Handoff URL");
  await db.app.update({
    where: { id: appId, workspaceId: member.workspace.id },
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
  authorize(member, "gateway.reveal-secret");
  requireFeature(await getApp(member, appId), "oauth");
  await ensureGateway(appId);
  const app = await db.app.findUniqueOrThrow({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { handoffSecret: true },
  });
  await auditBy(member, "gateway.secret.reveal", { type: "app", id: appId });
  return openSecret(app.handoffSecret!, handoffSecretContext(appId));
}
