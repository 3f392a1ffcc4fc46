import "server-only";
import type { Member } from "@/lib/authz";
import { hasFeature } from "@/lib/app-types";
import { auditBy } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { appInWorkspace } from "@/lib/scope";
import { authorize } from "@/lib/team/permissions";
import { ALL_WEBHOOKS, MATCHED, RULE_EVENT_INFO, type RuleEvent } from "./rule-events";
import { alertRuleSchema } from "./rule-schema";
import type { AlertRuleView } from "./types";

/**
 * The workspace's alert rules. Its first look at them writes the default rules — the alerts it had
 * before rules existed — once; after that they are the team's to change, pause or delete.
 */
export const DEFAULT_RULES: {
  name: string;
  event: RuleEvent;
  threshold?: number;
  stars?: string;
  throttleMinutes?: number;
  /** In the app only (default: in the app, by email and to every listening webhook). */
  inAppOnly?: boolean;
}[] = [
  { name: "Low ratings", event: "NEW_REVIEW", stars: "1 2" },
  { name: "Every new review", event: "NEW_REVIEW" },
  { name: "Rating drop of 0.2 in a week", event: "RATING_DROP", threshold: 0.2, throttleMinutes: 10080 },
  { name: "Big moves in the Marketplace", event: "RANK_CHANGE", threshold: 3 },
  { name: "Sync failing 3 times in a row", event: "SYNC_FAILING", threshold: 3 },
  { name: "Competitors' listing changes", event: "COMPETITOR_CHANGE", inAppOnly: true },
];

export async function ensureDefaultRules(workspaceId: string, now = new Date()) {
  const { count } = await db.workspace.updateMany({
    where: { id: workspaceId, alertRulesSeededAt: null },
    data: { alertRulesSeededAt: now },
  });
  if (count === 0) return;
  await db.alertRule.createMany({
    data: DEFAULT_RULES.map((r, i) => ({
      workspaceId,
      name: r.name,
      event: r.event,
      threshold: r.threshold ?? null,
      stars: r.stars ?? "",
      inApp: true,
      email: !r.inAppOnly,
      webhooks: r.inAppOnly ? "" : ALL_WEBHOOKS,
      throttleMinutes: r.throttleMinutes ?? 0,
      // In this order, whatever the clock's resolution.
      createdAt: new Date(now.getTime() + i),
    })),
  });
}

export async function listRules(member: Member): Promise<AlertRuleView[]> {
  await ensureDefaultRules(member.workspace.id);
  const [rules, hooks, sent, matches] = await Promise.all([
    db.alertRule.findMany({
      where: { workspaceId: member.workspace.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { app: { select: { id: true, name: true } } },
    }),
    db.alertWebhook.findMany({
      where: { workspaceId: member.workspace.id },
      select: { id: true, name: true, format: true, events: true, enabled: true },
    }),
    db.alertDispatch.groupBy({
      by: ["ruleId", "eventKey"],
      where: { workspaceId: member.workspace.id, NOT: { destination: { startsWith: `${MATCHED}:` } } },
      _max: { sentAt: true },
    }),
    db.alertDispatch.groupBy({
      by: ["ruleId"],
      where: { workspaceId: member.workspace.id, destination: { startsWith: `${MATCHED}:` } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(hooks.map((h) => [h.id, h]));
  const view = (h: (typeof hooks)[number]) => ({ id: h.id, name: h.name, format: h.format });
  // A new-review rule for 1 and 2 stars only sends low-rating alerts.
  const alertTypesOf = (r: { event: string; stars: string }) => {
    const stars = r.stars.split(" ").filter(Boolean).map(Number);
    return r.event === "NEW_REVIEW" && stars.length && stars.every((n) => n <= 2) ? ["LOW_RATING"] : [r.event];
  };
  // Events each rule sent (to however many destinations), and when it last did.
  const counts = new Map<string, { events: number; last: Date | null }>();
  for (const s of sent) {
    const c = counts.get(s.ruleId) ?? { events: 0, last: null };
    c.events++;
    if (s._max.sentAt && (!c.last || s._max.sentAt > c.last)) c.last = s._max.sentAt;
    counts.set(s.ruleId, c);
  }
  const matched = new Map(matches.map((m) => [m.ruleId, m._count._all]));
  return rules.map((r) => {
    const ids = r.webhooks.split(" ").filter(Boolean);
    return {
      id: r.id,
      name: r.name,
      event: r.event as RuleEvent,
      threshold: r.threshold,
      stars: r.stars.split(" ").filter(Boolean).map(Number),
      words: r.words.split("\n").filter(Boolean),
      app: r.app,
      inApp: r.inApp,
      email: r.email,
      webhooks: ids.includes(ALL_WEBHOOKS) ? "ALL" : ids.flatMap((id) => (byId.has(id) ? [view(byId.get(id)!)] : [])),
      // The webhooks an "every webhook" rule reaches today: those enabled and listening to its alert type.
      listening: ids.includes(ALL_WEBHOOKS)
        ? hooks.filter((h) => h.enabled && h.events.split(" ").some((e) => alertTypesOf(r).includes(e))).map(view)
        : [],
      throttleMinutes: r.throttleMinutes,
      enabled: r.enabled,
      throttled: r.throttled,
      sent: counts.get(r.id)?.events ?? 0,
      matched: Math.max(matched.get(r.id) ?? 0, counts.get(r.id)?.events ?? 0),
      lastSentAt: counts.get(r.id)?.last?.toISOString() ?? null,
    };
  });
}

/** The rule as stored, after checking its app and webhooks belong to the workspace and fit the event. */
async function valuesOf(member: Member, input: unknown) {
  const rule = alertRuleSchema.parse(input);
  if (rule.appId) {
    const app = await appInWorkspace(member, rule.appId).catch(() => {
      throw new AppError("VALIDATION", "Choose one of your apps", { appId: "Choose one of your apps" });
    });
    if (rule.event !== "SYNC_FAILING" && !hasFeature(app.type, "marketplace")) {
      const message = `${app.name} is not on the Marketplace: it has no ${RULE_EVENT_INFO[rule.event].label.toLowerCase()} events`;
      throw new AppError("VALIDATION", message, { appId: message });
    }
  }
  const ids = rule.webhooks.filter((id) => id !== ALL_WEBHOOKS);
  if (ids.length) {
    const found = await db.alertWebhook.count({ where: { workspaceId: member.workspace.id, id: { in: ids } } });
    if (found !== ids.length)
      throw new AppError("VALIDATION", "Choose webhooks of this workspace", { webhooks: "A webhook was not found" });
  }
  return {
    name: rule.name,
    event: rule.event,
    threshold: rule.threshold,
    stars: rule.stars.join(" "),
    words: rule.words,
    appId: rule.appId || null,
    inApp: rule.inApp,
    email: rule.email,
    webhooks: rule.webhooks.join(" "),
    throttleMinutes: rule.throttleMinutes,
  };
}

async function ownRule(member: Member, ruleId: unknown) {
  if (typeof ruleId !== "string" || ruleId.length > 64) throw notFound("Rule");
  const rule = await db.alertRule.findFirst({ where: { id: ruleId, workspaceId: member.workspace.id } });
  if (!rule) throw notFound("Rule");
  return rule;
}

export async function createRule(member: Member, input: unknown) {
  authorize(member, "alert-rule.change");
  await ensureDefaultRules(member.workspace.id);
  const data = await valuesOf(member, input);
  const rule = await db.alertRule.create({ data: { ...data, workspaceId: member.workspace.id } });
  await auditBy(
    member,
    "alert-rule.create",
    { type: "alert-rule", id: rule.id, name: rule.name },
    { event: rule.event },
  );
  return { id: rule.id };
}

export async function updateRule(member: Member, ruleId: unknown, input: unknown) {
  authorize(member, "alert-rule.change");
  const rule = await ownRule(member, ruleId);
  const data = await valuesOf(member, input);
  await db.alertRule.update({ where: { id: rule.id }, data });
  // Only what changed, each as [before, after].
  const before = rule as Record<string, unknown>;
  const changed = Object.entries(data).filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value));
  await auditBy(
    member,
    "alert-rule.update",
    { type: "alert-rule", id: rule.id, name: data.name },
    Object.fromEntries(changed.map(([key, value]) => [key, [before[key], value]])),
  );
}

export async function setRuleEnabled(member: Member, ruleId: unknown, enabled: unknown) {
  authorize(member, "alert-rule.change");
  const rule = await ownRule(member, ruleId);
  await db.alertRule.update({ where: { id: rule.id }, data: { enabled: enabled === true } });
  await auditBy(member, enabled === true ? "alert-rule.resume" : "alert-rule.pause", {
    type: "alert-rule",
    id: rule.id,
    name: rule.name,
  });
}

export async function deleteRule(member: Member, ruleId: unknown) {
  authorize(member, "alert-rule.change");
  const rule = await ownRule(member, ruleId);
  await db.alertRule.delete({ where: { id: rule.id } });
  await auditBy(member, "alert-rule.delete", { type: "alert-rule", id: rule.id, name: rule.name });
}

/** The apps a rule can be limited to: those on the Marketplace, where events come from. */
export const ruleApps = (member: Member) =>
  db.app.findMany({
    where: { workspaceId: member.workspace.id, type: "PUBLIC", archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
