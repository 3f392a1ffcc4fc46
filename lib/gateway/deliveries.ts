import "server-only";
import { getApp } from "@/lib/apps/service";
import { requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { auditBy } from "@/lib/audit/log";
import type { DeliveryView } from "./types";

/** Deliveries to the partner's backend as the settings page shows them, and sending one again. */

/** Deliveries still waiting or given up on, with counts, for the settings page. */
export async function listDeliveries(member: Member, appId: string) {
  requireFeature(await getApp(member, appId), "oauth");
  const [rows, pending, failed, delivered] = await Promise.all([
    db.outboxMessage.findMany({
      where: {
        appId,
        app: { workspaceId: member.workspace.id },
        webhookId: null,
        kind: { in: ["HANDOFF", "UNINSTALL_RELAY"] },
        status: { in: ["PENDING", "SENDING", "FAILED"] },
      },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.outboxMessage.count({
      where: {
        appId,
        app: { workspaceId: member.workspace.id },
        webhookId: null,
        kind: { in: ["HANDOFF", "UNINSTALL_RELAY"] },
        status: { in: ["PENDING", "SENDING"] },
      },
    }),
    db.outboxMessage.count({
      where: {
        appId,
        app: { workspaceId: member.workspace.id },
        webhookId: null,
        kind: { in: ["HANDOFF", "UNINSTALL_RELAY"] },
        status: "FAILED",
      },
    }),
    db.outboxMessage.count({
      where: {
        appId,
        app: { workspaceId: member.workspace.id },
        webhookId: null,
        kind: { in: ["HANDOFF", "UNINSTALL_RELAY"] },
        status: "DELIVERED",
      },
    }),
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
  authorize(member, "gateway.retry-delivery");
  requireFeature(await getApp(member, appId), "oauth");
  if (typeof deliveryId !== "string") throw notFound("Delivery");
  const { count } = await db.outboxMessage.updateMany({
    where: {
      id: deliveryId,
      appId,
      app: { workspaceId: member.workspace.id },
      webhookId: null,
      kind: { in: ["HANDOFF", "UNINSTALL_RELAY"] },
      status: { in: ["PENDING", "FAILED"] },
    },
    data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0 },
  });
  if (count === 0) throw notFound("Delivery");
  await auditBy(member, "delivery.retry", { type: "delivery", id: deliveryId }, { appId });
}
