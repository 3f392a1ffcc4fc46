import { notifySafely } from "@/lib/notifications/notify";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sealBody } from "@/lib/outbox/outbox";
import { alertTitle, droppedEnough, jsonPayload, slackPayload, type AlertData } from "./alert-payload";

/**
 * Raises alerts: each is recorded, then queued in the durable outbox once per enabled webhook
 * that listens to its type (the worker sends, signs, retries and logs every attempt).
 */
export async function raiseAlert(appId: string, data: AlertData, now = new Date()) {
  const app = await db.app.findUniqueOrThrow({
    where: { id: appId },
    select: { id: true, name: true, workspaceId: true, workspace: { select: { name: true } } },
  });
  const alert = await db.alert.create({
    data: {
      workspaceId: app.workspaceId,
      appId,
      type: data.type,
      title: alertTitle(app.name, data),
      data: JSON.stringify(data),
      createdAt: now,
    },
  });
  await notifySafely(app.workspaceId, { kind: "ALERT", title: alert.title, link: `/reviews?app=${app.id}` }, { now });
  const hooks = await db.alertWebhook.findMany({ where: { workspaceId: app.workspaceId, enabled: true } });
  const input = {
    id: alert.id,
    createdAt: alert.createdAt,
    app: { id: app.id, name: app.name },
    workspace: app.workspace,
    data,
    link: `${env().AUTH_URL}/reviews?app=${app.id}`,
  };
  const targets = hooks.filter((h) => h.events.split(" ").includes(data.type));
  if (targets.length) {
    await db.outboxMessage.createMany({
      data: targets.map((h) => ({
        appId,
        kind: "ALERT",
        url: h.url,
        alertId: alert.id,
        webhookId: h.id,
        body: sealBody(appId, h.format === "SLACK" ? slackPayload(input) : jsonPayload(input)),
        nextAttemptAt: now,
      })),
    });
  }
  return alert;
}

const WEEK = 7 * 86_400_000;

/** After a snapshot: the 7-day drop rule, raised at most once a week per app. */
export async function checkRatingDrop(appId: string, current: number | null, now = new Date()) {
  if (current === null) return null;
  const since = new Date(now.getTime() - WEEK);
  const earlier = await db.ratingSnapshot.findMany({
    where: { appId, takenAt: { gte: since, lt: now }, average: { not: null } },
    orderBy: { takenAt: "asc" },
    select: { average: true, takenAt: true },
  });
  const highest = earlier.reduce<{ average: number; takenAt: Date } | null>(
    (best, s) =>
      s.average !== null && (!best || s.average > best.average) ? { average: s.average, takenAt: s.takenAt } : best,
    null,
  );
  if (!highest || !droppedEnough(highest.average, current)) return null;
  const recent = await db.alert.count({ where: { appId, type: "RATING_DROP", createdAt: { gte: since } } });
  if (recent > 0) return null;
  return raiseAlert(
    appId,
    { type: "RATING_DROP", from: highest.average, to: current, since: highest.takenAt.toISOString() },
    now,
  );
}

export const FAILURES_BEFORE_ALERT = 3;

/** After a failed sync of an app: alert once, when the failures in a row reach three. */
export async function checkSyncFailures(appId: string, error: string, now = new Date()) {
  const last = await db.syncRunApp.findMany({
    where: { appId },
    orderBy: { finishedAt: "desc" },
    take: FAILURES_BEFORE_ALERT + 1,
    select: { status: true },
  });
  const streak = last.findIndex((r) => r.status !== "FAILED");
  const inARow = streak === -1 ? last.length : streak;
  if (inARow !== FAILURES_BEFORE_ALERT) return null;
  return raiseAlert(appId, { type: "SYNC_FAILING", failures: inARow, error }, now);
}

/** The workspace's last alerts, newest first, as the alerts page lists them. */
export async function recentAlerts(member: Member, take = 20) {
  return db.alert.findMany({
    where: { workspaceId: member.workspace.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, createdAt: true },
  });
}
