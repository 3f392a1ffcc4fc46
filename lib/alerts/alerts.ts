import { notifySafely } from "@/lib/notifications/notify";
import type { Member } from "@/lib/authz";
import { db, isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/server/env";
import { sealBody } from "@/lib/outbox/outbox";
import { alertTitle, droppedEnough, jsonPayload, rankMovedEnough, slackPayload, type AlertData } from "./payload";
import { ALL_WEBHOOKS, MATCHED, RULE_EVENT_INFO, type RuleEvent } from "./rule-events";

/** An event the rules look at: what happened, to which app, and the key that makes it the same event twice. */
export type AlertEvent = { appId: string; key: string; data: AlertData; now?: Date };

type Rule = Awaited<ReturnType<typeof enabledRules>>[number];
const enabledRules = (workspaceId: string) =>
  db.alertRule.findMany({ where: { workspaceId, enabled: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const RULE_EVENT_OF: Record<AlertData["type"], RuleEvent> = {
  NEW_REVIEW: "NEW_REVIEW",
  LOW_RATING: "NEW_REVIEW",
  RATING_DROP: "RATING_DROP",
  REVIEW_SURGE: "REVIEW_SURGE",
  RANK_CHANGE: "RANK_CHANGE",
  COMPETITOR_CHANGE: "COMPETITOR_CHANGE",
  SYNC_FAILING: "SYNC_FAILING",
  UNINSTALL_REASON: "UNINSTALL_REASON",
};

/** Whether a rule's event, app and conditions match. */
export function ruleMatches(
  rule: Pick<Rule, "event" | "appId" | "threshold" | "stars" | "words">,
  appId: string,
  data: AlertData,
): boolean {
  if (rule.event !== RULE_EVENT_OF[data.type]) return false;
  if (rule.appId && rule.appId !== appId) return false;
  const t = rule.threshold ?? RULE_EVENT_INFO[rule.event].threshold?.default ?? 0;
  switch (data.type) {
    case "NEW_REVIEW":
    case "LOW_RATING": {
      const stars = rule.stars.split(" ").filter(Boolean).map(Number);
      if (stars.length && !stars.includes(data.review.stars)) return false;
      const words = rule.words.split("\n").filter(Boolean);
      const text = data.review.text.toLowerCase();
      return !words.length || words.some((w) => text.includes(w));
    }
    case "RATING_DROP":
      return droppedEnough(data.from, data.to, t);
    case "REVIEW_SURGE":
      return data.today >= SURGE_MINIMUM && data.today > t * data.usual;
    case "RANK_CHANGE":
      return rankMovedEnough(data.from, data.to, t);
    case "SYNC_FAILING":
      return data.failures === t;
    case "COMPETITOR_CHANGE":
    case "UNINSTALL_REASON":
      return true;
  }
}

/** The more conditions a rule has, the better it describes the event: it names the alert. */
const specificity = (r: Rule) => (r.appId ? 1 : 0) + (r.stars ? 1 : 0) + (r.words ? 1 : 0);

/** A review rule that only takes reviews of 1 or 2 stars sends them as LOW_RATING (what webhooks subscribe to). */
function alertData(rule: Rule, data: AlertData): AlertData {
  if (data.type !== "NEW_REVIEW") return data;
  const stars = rule.stars.split(" ").filter(Boolean).map(Number);
  return stars.length && stars.every((s) => s <= 2) ? { ...data, type: "LOW_RATING" } : data;
}

function linkOf(appId: string, data: AlertData) {
  switch (data.type) {
    case "RANK_CHANGE":
      return `/apps/${appId}/positions`;
    case "COMPETITOR_CHANGE":
      return `/apps/${appId}/competitors?competitor=${data.competitor.id}`;
    case "SYNC_FAILING":
      return "/reviews/sync";
    case "UNINSTALL_REASON":
      return `/apps/${appId}/outreach#reasons`;
    default:
      return `/reviews?app=${appId}`;
  }
}

/** Writes that an event went to a destination, once: false when it was already written (here or by another instance). */
async function record(rule: Rule, key: string, destination: string, now: Date): Promise<boolean> {
  try {
    await db.alertDispatch.create({
      data: { workspaceId: rule.workspaceId, ruleId: rule.id, eventKey: key, destination, sentAt: now },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Records that the event set the rule off (once per rule and event). A more specific rule may deliver
 * it to the same destinations first; the rule's counts still show the event.
 */
const recordMatch = (rule: Rule, key: string, now: Date) => record(rule, key, `${MATCHED}:${rule.id}`, now);

/**
 * Claims one destination for an event: false when it already had it (from any rule: the same event never
 * reaches the same destination twice) or when the rule's throttle holds it back (counted on the rule).
 */
async function claim(rule: Rule, key: string, destination: string, now: Date): Promise<boolean> {
  const workspaceId = rule.workspaceId;
  if (
    await db.alertDispatch.findUnique({
      where: { workspaceId_eventKey_destination: { workspaceId, eventKey: key, destination } },
    })
  )
    return false;
  if (rule.throttleMinutes > 0) {
    const recent = await db.alertDispatch.findFirst({
      where: { ruleId: rule.id, destination, sentAt: { gt: new Date(now.getTime() - rule.throttleMinutes * 60_000) } },
      select: { id: true },
    });
    if (recent) {
      await db.alertRule.update({ where: { id: rule.id }, data: { throttled: { increment: 1 } } });
      return false;
    }
  }
  return record(rule, key, destination, now);
}

/**
 * An event, through the workspace's enabled rules (a run writes the default rules first): when
 * one matches, the alert is recorded once, and each matching rule sends it to its destinations — in
 * the app and by email (each person's notification choices still apply), and to webhooks through the
 * durable outbox (the worker signs, retries and logs every attempt). Answers the alert and the
 * destinations it reached (IN_APP, EMAIL, webhook:<id>).
 */
export async function raiseAlert({ appId, key, data, now = new Date() }: AlertEvent) {
  const app = await db.app.findUniqueOrThrow({
    where: { id: appId },
    select: { id: true, name: true, workspaceId: true, workspace: { select: { name: true } } },
  });
  const matched = (await enabledRules(app.workspaceId))
    .filter((r) => ruleMatches(r, appId, data))
    .sort((a, b) => specificity(b) - specificity(a));
  const delivered = new Set<string>();
  if (!matched.length) return { alert: null, delivered };
  const first = alertData(matched[0]!, data);
  let alert = await db.alert.findUnique({
    where: { workspaceId_eventKey: { workspaceId: app.workspaceId, eventKey: key } },
  });
  if (!alert) {
    try {
      alert = await db.alert.create({
        data: {
          workspaceId: app.workspaceId,
          appId,
          type: first.type,
          title: alertTitle(app.name, first),
          data: JSON.stringify(first),
          eventKey: key,
          ruleId: matched[0]!.id,
          createdAt: now,
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      alert = await db.alert.findUniqueOrThrow({
        where: { workspaceId_eventKey: { workspaceId: app.workspaceId, eventKey: key } },
      });
    }
  }
  const link = linkOf(appId, data);
  const hooks = await db.alertWebhook.findMany({ where: { workspaceId: app.workspaceId, enabled: true } });
  for (const rule of matched) {
    await recordMatch(rule, key, now);
    const sent = alertData(rule, data);
    const inApp = rule.inApp && (await claim(rule, key, "IN_APP", now));
    // Without SMTP nothing is emailed: the destination is not used up.
    const email = rule.email && Boolean(env().SMTP_URL) && (await claim(rule, key, "EMAIL", now));
    if (inApp || email) {
      await notifySafely(
        app.workspaceId,
        { kind: "ALERT", title: alertTitle(app.name, sent), link },
        { now, channels: { inApp, email } },
      );
      if (inApp) delivered.add("IN_APP");
      if (email) delivered.add("EMAIL");
    }
    const ids = rule.webhooks.split(" ").filter(Boolean);
    const targets = ids.includes(ALL_WEBHOOKS)
      ? hooks.filter((h) => h.events.split(" ").includes(sent.type))
      : hooks.filter((h) => ids.includes(h.id));
    const input = {
      id: alert.id,
      createdAt: alert.createdAt,
      app: { id: app.id, name: app.name },
      workspace: app.workspace,
      data: sent,
      link: `${env().AUTH_URL}${link}`,
    };
    for (const hook of targets) {
      if (!(await claim(rule, key, `webhook:${hook.id}`, now))) continue;
      await db.outboxMessage.create({
        data: {
          appId,
          kind: "ALERT",
          url: hook.url,
          alertId: alert.id,
          webhookId: hook.id,
          body: sealBody(appId, hook.format === "SLACK" ? slackPayload(input) : jsonPayload(input)),
          nextAttemptAt: now,
        },
      });
      delivered.add(`webhook:${hook.id}`);
    }
  }
  return { alert, delivered };
}

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;

/** After a snapshot: a drop from the highest average of the last 7 days (each rule says by how much). */
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
  if (!highest || !droppedEnough(highest.average, current, 0.01)) return null;
  return raiseAlert({
    appId,
    // The same peak and the same fall are one event, however many syncs read it.
    key: `drop:${appId}:${highest.takenAt.toISOString()}:${current.toFixed(2)}`,
    data: { type: "RATING_DROP", from: highest.average, to: current, since: highest.takenAt.toISOString() },
    now,
  });
}

/** A surge needs at least this many reviews in a day, whatever the usual rate. */
export const SURGE_MINIMUM = 3;

/** After new reviews: the last 24 hours against the daily rate of the 4 weeks before. */
export async function checkReviewSurge(appId: string, now = new Date()) {
  const dayAgo = new Date(now.getTime() - DAY);
  const monthAgo = new Date(now.getTime() - 29 * DAY);
  const at = (from: Date, to: Date) =>
    db.review.count({
      where: {
        appId,
        source: { not: "MANUAL" },
        OR: [{ reviewedAt: { gte: from, lt: to } }, { reviewedAt: null, firstSeenAt: { gte: from, lt: to } }],
      },
    });
  const [today, before] = await Promise.all([at(dayAgo, now), at(monthAgo, dayAgo)]);
  if (today < SURGE_MINIMUM) return null;
  const day = now.toISOString().slice(0, 10);
  return raiseAlert({
    appId,
    key: `surge:${appId}:${day}`,
    data: { type: "REVIEW_SURGE", today, usual: Math.round((before / 28) * 10) / 10, day },
    now,
  });
}

/** After a failed sync of an app: the failures in a row so far (a rule fires when they reach its count). */
export async function checkSyncFailures(appId: string, runId: string, error: string, now = new Date()) {
  const last = await db.syncRunApp.findMany({
    where: { appId },
    orderBy: { finishedAt: "desc" },
    take: 21,
    select: { status: true },
  });
  const streak = last.findIndex((r) => r.status !== "FAILED");
  const inARow = streak === -1 ? last.length : streak;
  return raiseAlert({
    appId,
    key: `sync:${appId}:${runId}`,
    data: { type: "SYNC_FAILING", failures: inARow, error },
    now,
  });
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
