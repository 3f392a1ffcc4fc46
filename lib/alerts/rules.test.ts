import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";

setupTestDatabase();
// Email is "on" for the rules' EMAIL destination: nothing is sent here, the rows wait for the worker.
process.env.SMTP_URL = "smtp://127.0.0.1:1";
const { db } = await import("@/lib/db");
const { createRule, deleteRule, listRules, setRuleEnabled, updateRule, DEFAULT_RULES } = await import("./rules");
const { raiseAlert, checkReviewSurge, ruleMatches } = await import("./alerts");
const { alertRuleSchema } = await import("./rule-schema");

let owner: Member;
let viewer: Member;
let appId: string;
let otherAppId: string;
let privateAppId: string;
let slackId: string;
let jsonId: string;

const review = (id: string, stars: number, text = "Works well") => ({
  key: `review:${id}`,
  appId,
  data: { type: "NEW_REVIEW" as const, review: { id, author: "Ann", stars, text, reviewedAt: null } },
});
const base = { inApp: false, email: false, webhooks: [] as string[], throttleMinutes: 0 };

beforeAll(async () => {
  owner = await createOwner(db, 901, "Olga Owner");
  viewer = await addMember(db, owner, "VIEWER", "Vic Viewer");
  await db.user.update({ where: { id: owner.user.id }, data: { email: "olga@quoteflow.example.com" } });
  const app = (name: string, type = "PUBLIC") =>
    db.app.create({
      data: { workspaceId: owner.workspace.id, name, type, clientId: name, callbackUrl: "https://x.example.com/cb" },
    });
  appId = (await app("QuoteFlow")).id;
  otherAppId = (await app("CallSprout")).id;
  privateAppId = (await app("Inhouse", "PRIVATE")).id;
  const hook = (name: string, format: string, events: string) =>
    db.alertWebhook.create({
      data: {
        workspaceId: owner.workspace.id,
        name,
        url: `https://hooks.example.com/${name}`,
        format,
        events,
        secret: "x",
      },
    });
  slackId = (await hook("slack", "SLACK", "LOW_RATING")).id;
  jsonId = (await hook("json", "JSON", "NEW_REVIEW RATING_DROP")).id;
});

describe("default rules", () => {
  it("are today's fixed alerts, written once: deleting them does not bring them back", async () => {
    const rules = await listRules(owner);
    expect(rules.map((r) => [r.name, r.event, r.threshold, r.stars, r.webhooks, r.inApp, r.email])).toEqual(
      DEFAULT_RULES.map((d) => [
        d.name,
        d.event,
        d.threshold ?? null,
        d.stars ? [1, 2] : [],
        d.inAppOnly ? [] : "ALL",
        true,
        !d.inAppOnly,
      ]),
    );
    // A 1-star review: the low-rating rule names the alert; each destination gets it once.
    const { alert, delivered } = await raiseAlert(review("r1", 1, "Broke my pipeline"));
    expect(alert!.type).toBe("LOW_RATING");
    expect([...delivered].sort()).toEqual(["EMAIL", "IN_APP", `webhook:${jsonId}`, `webhook:${slackId}`].sort());
    // Two members, one notification each, in the app and waiting to be emailed.
    const notes = await db.notification.findMany({ where: { workspaceId: owner.workspace.id, kind: "ALERT" } });
    // Email waits for the worker for the member with an address.
    expect(notes.map((n) => [n.userId === owner.user.id, n.inApp, n.emailState]).sort()).toEqual([
      [false, true, null],
      [true, true, "PENDING"],
    ]);
    expect(notes).toHaveLength(2);
    expect(await db.outboxMessage.count({ where: { alertId: alert!.id } })).toBe(2);

    for (const r of await listRules(owner)) await deleteRule(owner, r.id);
    expect(await listRules(owner)).toEqual([]);
  });
});

describe("rules", () => {
  beforeEach(async () => {
    for (const r of await db.alertRule.findMany({ where: { workspaceId: owner.workspace.id } }))
      await db.alertRule.delete({ where: { id: r.id } });
  });

  it("match on stars, words and the app", async () => {
    const rule = { event: "NEW_REVIEW", appId: null, threshold: null, stars: "1 2", words: "crash\nslow" };
    const data = (stars: number, text: string) => review("x", stars, text).data;
    expect(ruleMatches(rule, appId, data(1, "It CRASHES daily"))).toBe(true);
    expect(ruleMatches(rule, appId, data(1, "Lovely"))).toBe(false);
    expect(ruleMatches(rule, appId, data(3, "crash"))).toBe(false);
    expect(ruleMatches({ ...rule, appId: otherAppId }, appId, data(1, "crash"))).toBe(false);
    expect(ruleMatches({ ...rule, stars: "", words: "" }, appId, data(5, ""))).toBe(true);
  });

  it("match on each event's threshold", () => {
    const r = (event: string, threshold: number) => ({ event, appId: null, threshold, stars: "", words: "" });
    const drop = (from: number, to: number) => ({ type: "RATING_DROP" as const, from, to, since: "" });
    expect(ruleMatches(r("RATING_DROP", 0.5), appId, drop(4.5, 4.0))).toBe(true);
    expect(ruleMatches(r("RATING_DROP", 0.5), appId, drop(4.5, 4.1))).toBe(false);
    const rank = (from: number | null, to: number | null) => ({
      type: "RANK_CHANGE" as const,
      list: "Top rated",
      from,
      to,
    });
    expect(ruleMatches(r("RANK_CHANGE", 5), appId, rank(9, 4))).toBe(true);
    expect(ruleMatches(r("RANK_CHANGE", 5), appId, rank(9, 5))).toBe(false);
    expect(ruleMatches(r("RANK_CHANGE", 5), appId, rank(null, 30))).toBe(true);
    const surge = (today: number, usual: number) => ({ type: "REVIEW_SURGE" as const, today, usual, day: "" });
    expect(ruleMatches(r("REVIEW_SURGE", 2), appId, surge(5, 2))).toBe(true);
    expect(ruleMatches(r("REVIEW_SURGE", 2), appId, surge(4, 2))).toBe(false);
    expect(ruleMatches(r("REVIEW_SURGE", 2), appId, surge(2, 0))).toBe(false); // fewer than 3
    const failing = (failures: number) => ({ type: "SYNC_FAILING" as const, failures, error: "x" });
    expect([2, 3, 4].map((n) => ruleMatches(r("SYNC_FAILING", 3), appId, failing(n)))).toEqual([false, true, false]);
  });

  it("send to the destinations chosen, never the same event twice to one destination", async () => {
    await createRule(owner, {
      ...base,
      name: "Slack for crashes",
      event: "NEW_REVIEW",
      words: "crash",
      webhooks: [slackId],
    });
    await createRule(owner, {
      ...base,
      name: "Every review to Slack",
      event: "NEW_REVIEW",
      webhooks: [slackId, jsonId],
    });
    await createRule(owner, { ...base, name: "Crashes in the app", event: "NEW_REVIEW", words: "crash", inApp: true });
    const event = review("r2", 4, "A crash after login");
    const first = await raiseAlert(event);
    expect(first.alert!.title).toBe("New 4-star review of QuoteFlow by Ann");
    expect([...first.delivered].sort()).toEqual(["IN_APP", `webhook:${jsonId}`, `webhook:${slackId}`].sort());
    const again = await raiseAlert(event);
    expect(again.alert!.id).toBe(first.alert!.id);
    expect(again.delivered.size).toBe(0);
    expect(await db.outboxMessage.count({ where: { alertId: first.alert!.id } })).toBe(2);
    expect(await db.alert.count({ where: { eventKey: event.key } })).toBe(1);
    const views = await listRules(owner);
    expect(views.map((v) => [v.name, v.sent])).toEqual([
      ["Slack for crashes", 1],
      ["Every review to Slack", 1],
      ["Crashes in the app", 1],
    ]);
  });

  it("a rule set off by an event a more specific rule delivered still counts it", async () => {
    await createRule(owner, { ...base, name: "Every review in the app", event: "NEW_REVIEW", inApp: true });
    await createRule(owner, { ...base, name: "Crashes in the app", event: "NEW_REVIEW", words: "crash", inApp: true });
    const first = await raiseAlert(review("r9", 2, "A crash on save"));
    expect([...first.delivered]).toEqual(["IN_APP"]);
    await raiseAlert(review("r9", 2, "A crash on save")); // the same event again counts once
    const views = await listRules(owner);
    expect(views.map((v) => [v.name, v.sent, v.matched])).toEqual([
      ["Every review in the app", 0, 1],
      ["Crashes in the app", 1, 1],
    ]);
  });

  it("a throttle holds back what comes too soon, and counts it", async () => {
    const { id } = await createRule(owner, {
      ...base,
      name: "Hourly at most",
      event: "NEW_REVIEW",
      inApp: true,
      throttleMinutes: 60,
    });
    const at = new Date("2026-11-29T10:00:00Z");
    expect((await raiseAlert({ ...review("t1", 5), now: at })).delivered.has("IN_APP")).toBe(true);
    const soon = await raiseAlert({ ...review("t2", 5), now: new Date(at.getTime() + 30 * 60_000) });
    expect(soon.delivered.size).toBe(0);
    expect((await raiseAlert({ ...review("t3", 5), now: new Date(at.getTime() + 61 * 60_000) })).delivered.size).toBe(
      1,
    );
    expect((await db.alertRule.findUniqueOrThrow({ where: { id } })).throttled).toBe(1);
  });

  it("a paused rule and a rule for another app stay silent; nothing matched, nothing recorded", async () => {
    const { id } = await createRule(owner, { ...base, name: "Paused", event: "NEW_REVIEW", inApp: true });
    await setRuleEnabled(owner, id, false);
    await createRule(owner, { ...base, name: "Other app", event: "NEW_REVIEW", inApp: true, appId: otherAppId });
    const result = await raiseAlert(review("p1", 5));
    expect(result).toEqual({ alert: null, delivered: new Set() });
    expect(await db.alert.count({ where: { eventKey: "review:p1" } })).toBe(0);
  });

  it("a surge is the last day's reviews against the usual daily rate", async () => {
    await createRule(owner, { ...base, name: "Surge", event: "REVIEW_SURGE", threshold: 2, inApp: true });
    const now = new Date("2026-11-29T12:00:00Z");
    let made = 0;
    const add = (n: number, daysAgo: number) =>
      db.review.createMany({
        data: Array.from({ length: n }, () => ({
          appId,
          externalKey: `surge-${made++}`,
          source: "SYNC",
          author: "A",
          stars: 1,
          text: "",
          reviewedAt: new Date(now.getTime() - daysAgo * 86_400_000 - 3_600_000),
        })),
      });
    await add(28, 10); // one a day, usually
    await add(2, 0);
    expect(await checkReviewSurge(appId, now)).toBeNull(); // fewer than 3
    await add(1, 0);
    const { alert } = (await checkReviewSurge(appId, now))!;
    expect(alert!.title).toBe("3 reviews of QuoteFlow in a day, against 1.0 a day usually");
  });
});

describe("managing rules", () => {
  it("refuses bad input with the field at fault", async () => {
    const problem = (input: object) => {
      const r = alertRuleSchema.safeParse({ ...base, inApp: true, name: "R", event: "NEW_REVIEW", ...input });
      return r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(problem({ event: "RATING_DROP" })).toEqual([["threshold", "Give the stars"]]);
    expect(problem({ event: "RANK_CHANGE", threshold: 2.5 })).toEqual([["threshold", "A whole number of places"]]);
    expect(problem({ event: "REVIEW_SURGE", threshold: 20 })).toEqual([
      ["threshold", "Between 1.5 and 10 × the usual daily rate"],
    ]);
    expect(problem({ inApp: false })).toEqual([
      ["inApp", "Choose at least one destination: in the app, by email or a webhook"],
    ]);
    expect(problem({ throttleMinutes: 5 })).toEqual([["throttleMinutes", "Choose one of the throttles offered"]]);
    expect(problem({ stars: [0] })).toEqual([["stars.0", "Stars are 1 to 5"]]);
    expect(problem({ name: " " })).toEqual([["name", "Name the rule, e.g. 1-star reviews to Slack"]]);
    // The form sends an empty threshold for an event without one.
    expect(problem({ threshold: "" })).toBeNull();
    expect(problem({ event: "RANK_CHANGE", threshold: "" })).toEqual([["threshold", "Give the places"]]);
    expect(problem({ event: "RANK_CHANGE", threshold: "three" })).toEqual([
      ["threshold", "The threshold must be a number"],
    ]);
    // Conditions an event does not have are dropped, not kept.
    expect(
      alertRuleSchema.parse({
        ...base,
        inApp: true,
        name: "R",
        event: "SYNC_FAILING",
        threshold: "4",
        stars: [1],
        words: "x",
      }),
    ).toMatchObject({ threshold: 4, stars: [], words: "" });
  });

  it("checks the app and webhooks belong to the workspace and fit the event; viewers cannot change rules", async () => {
    const input = { ...base, inApp: true, name: "R", event: "NEW_REVIEW" };
    await expect(createRule(owner, { ...input, appId: privateAppId })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { appId: "Inhouse is not on the Marketplace: it has no new review events" },
    });
    // A private app can still have failing syncs? No: but the rule is accepted for any app's sync.
    await expect(createRule(owner, { ...input, appId: "nope" })).rejects.toMatchObject({
      fields: { appId: "Choose one of your apps" },
    });
    const stranger = await createOwner(db, 902);
    await expect(createRule(stranger, { ...input, webhooks: [slackId] })).rejects.toMatchObject({
      fields: { webhooks: "A webhook was not found" },
    });
    await expect(createRule(viewer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await createRule(owner, input);
    await expect(updateRule(viewer, id, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateRule(stranger, id, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateRule(owner, id, { ...input, name: "Renamed", email: true });
    expect((await listRules(owner)).find((r) => r.id === id)).toMatchObject({ name: "Renamed", email: true });
    // The audit log keeps only what the edit changed.
    const entry = await db.auditEvent.findFirstOrThrow({
      where: { action: "alert-rule.update", targetId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(entry.diff!)).toEqual({ name: [input.name, "Renamed"], email: [input.email ?? false, true] });
  });
});
