import "server-only";
import { webhookSecretContext } from "@/lib/crypto/contexts";
import { randomBytes } from "node:crypto";
import type { Member } from "@/lib/authz";
import { sealSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { sealBody } from "@/lib/outbox/outbox";
import { authorize } from "@/lib/team/permissions";
import { webhookSchema } from "./schema";
import { auditBy } from "@/lib/audit/log";
import { assertOutboundUrl } from "@/lib/net/policy";
import type { DeliveryLogEntry } from "./types";

/**
 * Alert webhooks of a workspace (owners manage them). The signing secret is shown once, at
 * creation, and kept sealed. The delivery log lists every alert sent, with each attempt.
 */
export async function listWebhooks(member: Member) {
  const rows = await db.alertWebhook.findMany({
    where: { workspaceId: member.workspace.id },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((h) => ({
    id: h.id,
    name: h.name,
    url: h.url,
    format: h.format,
    events: h.events.split(" "),
    enabled: h.enabled,
    createdAt: h.createdAt.toISOString(),
  }));
}

export async function createWebhook(member: Member, input: unknown) {
  authorize(member, "webhook.manage");
  const data = webhookSchema.parse(input);
  await assertOutboundUrl(data.url, "url", "Webhook URL");
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const id = crypto.randomUUID();
  await db.alertWebhook.create({
    data: {
      id,
      workspaceId: member.workspace.id,
      name: data.name,
      url: data.url,
      format: data.format,
      events: [...new Set(data.events)].join(" "),
      secret: sealSecret(secret, webhookSecretContext(id)),
    },
  });
  await auditBy(
    member,
    "webhook.create",
    { type: "webhook", id, name: data.name },
    { url: data.url, format: data.format, events: data.events },
  );
  return { id, secret };
}

async function ownHook(member: Member, webhookId: unknown) {
  if (typeof webhookId !== "string" || webhookId.length > 64) throw notFound("Webhook");
  const hook = await db.alertWebhook.findFirst({ where: { id: webhookId, workspaceId: member.workspace.id } });
  if (!hook) throw notFound("Webhook");
  return hook;
}

export async function setWebhookEnabled(member: Member, webhookId: unknown, enabled: boolean) {
  authorize(member, "webhook.manage");
  const hook = await ownHook(member, webhookId);
  await db.alertWebhook.update({ where: { id: hook.id }, data: { enabled: enabled === true } });
  await auditBy(member, enabled ? "webhook.resume" : "webhook.pause", {
    type: "webhook",
    id: hook.id,
    name: hook.name,
  });
}

export async function deleteWebhook(member: Member, webhookId: unknown) {
  authorize(member, "webhook.manage");
  const hook = await ownHook(member, webhookId);
  await db.alertWebhook.delete({ where: { id: hook.id } });
  await auditBy(member, "webhook.delete", { type: "webhook", id: hook.id, name: hook.name });
}

/** A sample delivery, to check the receiving end. It needs an app to belong to. */
export async function sendTestAlert(member: Member, webhookId: unknown) {
  authorize(member, "webhook.manage");
  const hook = await ownHook(member, webhookId);
  const app = await db.app.findFirst({
    where: { workspaceId: member.workspace.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  if (!app) throw notFound("An app to send a test for");
  const title = `Test alert from Listing Studio for ${app.name}`;
  const payload =
    hook.format === "SLACK"
      ? {
          text: title,
          blocks: [
            {
              type: "section",
              text: { type: "mrkdwn", text: `*${title}*\nThis webhook receives alerts of ${member.workspace.name}.` },
            },
          ],
        }
      : {
          id: `test-${Date.now()}`,
          type: "test",
          created_at: new Date().toISOString(),
          title,
          workspace: member.workspace.name,
          app,
          data: { type: "TEST" },
        };
  await db.outboxMessage.create({
    data: { appId: app.id, kind: "ALERT", url: hook.url, webhookId: hook.id, body: sealBody(app.id, payload) },
  });
}

export async function deliveryLog(member: Member, take = 50): Promise<DeliveryLogEntry[]> {
  const rows = await db.outboxMessage.findMany({
    where: { webhook: { workspaceId: member.workspace.id } },
    orderBy: { createdAt: "desc" },
    take,
    include: {
      webhook: { select: { name: true } },
      alert: { select: { title: true } },
      attemptsLog: { orderBy: { at: "desc" }, take: 10 },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    webhook: r.webhook?.name ?? "—",
    title: r.alert?.title ?? "Test alert",
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    attempts: r.attemptsLog.map((a) => ({
      at: a.at.toISOString(),
      status: a.status,
      error: a.error,
      durationMs: a.durationMs,
    })),
  }));
}

/** Sends a delivery again (delivered or not) at the worker's next round. */
export async function resendDelivery(member: Member, deliveryId: unknown) {
  authorize(member, "webhook.manage");
  if (typeof deliveryId !== "string" || deliveryId.length > 64) throw notFound("Delivery");
  const { count } = await db.outboxMessage.updateMany({
    where: {
      id: deliveryId,
      kind: "ALERT",
      webhook: { workspaceId: member.workspace.id },
      status: { in: ["DELIVERED", "FAILED", "PENDING"] },
    },
    data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0, deliveredAt: null },
  });
  if (count === 0) throw notFound("Delivery");
  await auditBy(member, "delivery.resend", { type: "delivery", id: deliveryId });
}
