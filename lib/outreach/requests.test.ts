import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import type { IngestEvent } from "@/lib/installs/types";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";
import { startSmtpServer } from "@/lib/test/smtp";

setupTestDatabase();
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.AUTH_URL = "http://localhost:3999";
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { runOutreachRound, claimSends, HOURLY_LIMIT } = await import("./worker");
const { planRequests } = await import("./plan");
const { saveRequestSettings, getOutreachSettings } = await import("./settings");
const { openReviewLink, optOutPage } = await import("./public");
const { outreachReport } = await import("./report");
const { attributeRequests } = await import("./attribute");
const { NextRequest } = await import("next/server");
const linkRoute = await import("@/app/r/[code]/route");
afterAll(() => smtp.close());

const DAY = 86_400_000;
const T0 = Date.parse("2026-04-01T12:00:00Z");
let owner: Member;
let viewer: Member;
let quote: string;
let other: string;
let n = 0;

const ev = (
  type: "INSTALL" | "UNINSTALL",
  companyId: number,
  at: number,
  email: string | null,
  name = "Ana Souza",
): IngestEvent => ({
  dedupeKey: `o${n++}`,
  type,
  companyId,
  userId: companyId * 10,
  occurredAt: new Date(at),
  source: "GATEWAY",
  companyName: `Company ${companyId} Ltd`,
  userName: name,
  userEmail: email,
});
const mailTo = (address: string) => smtp.messages.filter((m) => JSON.stringify(m.to ?? "").includes(address));
const settings = (over: Record<string, unknown> = {}) => ({
  requestsOn: true,
  requestDays: 14,
  askExisting: false,
  senderName: "Acme Tools",
  requestSubject: "How is {app} for {company}?",
  requestBody: "Hi {first_name}, would you review {app}?",
  quietFrom: 20,
  quietTo: 9,
  ...over,
});
const linkOf = (text: string, pattern: RegExp) => pattern.exec(text)?.[0] ?? "";

beforeAll(async () => {
  owner = await createOwner(db, 931);
  viewer = await addMember(db, owner, "VIEWER");
  const app = (name: string) =>
    db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name,
        type: "PUBLIC",
        clientId: `cid-${name}`,
        callbackUrl: "https://x.example.com",
      },
    });
  quote = (await app("Quote")).id;
  other = (await app("Other")).id;
});

describe("review requests", () => {
  it("are for editors to turn on, with specific errors", async () => {
    await expect(saveRequestSettings(viewer, quote, settings())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveRequestSettings(owner, quote, settings({ requestDays: 0 }))).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { requestDays: "Ask after at least 1 day" },
    });
    await expect(saveRequestSettings(owner, "nope", settings())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ask once, after the days kept, through SMTP, with a one-click unsubscribe", async () => {
    ingestEvents(quote, [ev("INSTALL", 1, T0, "ana@one.example")]);
    await saveRequestSettings(owner, quote, settings(), new Date(T0));
    expect(await runOutreachRound({ now: T0 + 10 * DAY })).toMatchObject({ planned: 0, sent: 0 });
    expect(await runOutreachRound({ now: T0 + 15 * DAY })).toMatchObject({ planned: 1, sent: 1 });
    expect(await runOutreachRound({ now: T0 + 16 * DAY })).toMatchObject({ planned: 0, sent: 0 });
    const [mail, ...more] = mailTo("ana@one.example");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("How is Quote for Company 1 Ltd?");
    expect(JSON.stringify(mail!.from)).toContain("Acme Tools");
    expect(mail!.text).toContain("Hi Ana, would you review Quote?");
    const header = (key: string) => (mail!.headerLines.find((h) => h.key === key)?.line ?? "").replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(
      /^List-Unsubscribe: <http:\/\/localhost:3999\/unsubscribe\/customer\/\S+>$/,
    );
    const audit = await db.auditEvent.findMany({
      where: { workspaceId: owner.workspace.id, action: "outreach.request_sent" },
    });
    expect(audit.map((a) => a.targetName)).toEqual(["Company 1"]);
  });

  it("wait out quiet hours, and are never sent once the app is uninstalled", async () => {
    ingestEvents(quote, [ev("INSTALL", 2, T0 + DAY, "bo@two.example", "Bo Lind")]);
    const evening = Date.parse("2026-04-17T21:00:00Z");
    expect(await runOutreachRound({ now: evening })).toMatchObject({ planned: 1, sent: 0 });
    const waiting = await db.outreachSend.findFirstOrThrow({ where: { appId: quote, companyId: 2 } });
    expect(waiting.dueAt.toISOString()).toBe("2026-04-18T09:00:00.000Z");
    ingestEvents(quote, [ev("UNINSTALL", 2, evening + 3_600_000, "bo@two.example", "Bo Lind")]);
    expect(await runOutreachRound({ now: Date.parse("2026-04-18T10:00:00Z") })).toMatchObject({ skipped: 1, sent: 0 });
    const skipped = await db.outreachSend.findFirstOrThrow({ where: { appId: quote, companyId: 2, kind: "REQUEST" } });
    expect([skipped.status, skipped.reason]).toEqual(["SKIPPED", "The app was uninstalled before the email went out"]);
    expect(mailTo("bo@two.example")).toHaveLength(0);
  });

  it("are claimed before sending: two workers at once send each email once; a lapsed claim is never resent", async () => {
    const at = Date.parse("2026-05-01T12:00:00Z");
    ingestEvents(
      quote,
      Array.from({ length: 8 }, (_, i) => ev("INSTALL", 100 + i, at - 20 * DAY, `p${i}@many.example`)),
    );
    await saveRequestSettings(owner, quote, settings({ askExisting: true }), new Date(at));
    const before = smtp.messages.length;
    const [a, b] = await Promise.all([
      runOutreachRound({ now: at, worker: "w-a" }),
      runOutreachRound({ now: at, worker: "w-b" }),
    ]);
    expect(a.sent + b.sent).toBe(8);
    expect(smtp.messages.length - before).toBe(8);
    expect(new Set(smtp.messages.slice(before).map((m) => JSON.stringify(m.to))).size).toBe(8);
    // A claim taken by a worker that died: marked failed, never sent again.
    ingestEvents(quote, [ev("INSTALL", 120, at - 20 * DAY, "late@many.example")]);
    expect(await planRequests(at)).toBe(1);
    const claimed = claimSends("w-dead", at);
    expect(claimed).toHaveLength(1);
    expect(claimSends("w-other", at + 1)).toEqual([]);
    await runOutreachRound({ now: at + 16 * 60_000 });
    const row = await db.outreachSend.findUniqueOrThrow({ where: { id: claimed[0]! } });
    expect([row.status, row.reason]).toEqual([
      "FAILED",
      "Sending was interrupted; not sent again, so that nobody gets it twice",
    ]);
    expect(mailTo("late@many.example")).toHaveLength(0);
  });

  it("stop for an address that unsubscribed, across all of the workspace's apps", async () => {
    const mail = mailTo("ana@one.example")[0]!;
    const token = linkOf(mail.text ?? "", /\/unsubscribe\/customer\/\S+/).slice("/unsubscribe/customer/".length);
    expect((await optOutPage(token, "GET", "/x")).html).toContain("Stop these emails?");
    expect(await db.outreachOptOut.count()).toBe(0);
    expect((await optOutPage(token, "POST", "/x")).html).toContain("You are unsubscribed");
    expect((await optOutPage("forged.token", "POST", "/x")).status).toBe(404);
    const at = Date.parse("2026-06-01T12:00:00Z");
    ingestEvents(other, [ev("INSTALL", 1, at - 20 * DAY, "ANA@one.example")]);
    await saveRequestSettings(owner, other, settings({ askExisting: true }), new Date(at));
    await runOutreachRound({ now: at });
    const row = await db.outreachSend.findFirstOrThrow({ where: { appId: other, companyId: 1 } });
    expect([row.status, row.reason]).toEqual(["SKIPPED", "The address unsubscribed"]);
    expect(mailTo("ana@one.example")).toHaveLength(1);
  });
});

describe("the review link", () => {
  it("redirects to the listing's reviews and counts opens by day, and request opens once", async () => {
    const { reviewLink } = await getOutreachSettings(owner, quote);
    const code = reviewLink.split("/r/")[1]!;
    const mail = mailTo("ana@one.example")[0]!;
    const m = new URL(linkOf(mail.text ?? "", /http:\/\/localhost:3999\/r\/\S+/)).searchParams.get("m");
    const at = Date.parse("2026-06-02T12:00:00Z");
    const first = await openReviewLink(code, m, { count: true, now: at });
    expect(first).toEqual({ location: expect.stringMatching(/\/marketplace\/app\/quote\/cid-Quote#user-reviews$/) });
    await openReviewLink(code, m, { count: true, now: at });
    await openReviewLink(code, null, { count: true, now: at });
    await openReviewLink(code, null, { count: false, now: at });
    await openReviewLink(code, "forged", { count: true, now: at });
    const day = await db.reviewLinkDaily.findUniqueOrThrow({
      where: { appId_day: { appId: quote, day: "2026-06-02" } },
    });
    expect([day.clicks, day.fromEmail]).toEqual([4, 1]);
    const opened = await db.outreachSend.findFirstOrThrow({ where: { appId: quote, companyId: 1 } });
    expect(opened.openedAt?.getTime()).toBe(at);
    expect(await openReviewLink("unknown123", null, { count: true })).toMatchObject({ status: 404 });
    const res = await linkRoute.GET(new NextRequest(`http://localhost:3999/r/${code}`), {
      params: Promise.resolve({ code }),
    });
    expect([res.status, res.headers.get("set-cookie"), res.headers.get("location")?.endsWith("#user-reviews")]).toEqual(
      [302, null, true],
    );
  });

  it("marks a review that followed a request as probably from it, and the funnel shows it", async () => {
    await db.review.create({
      data: {
        appId: quote,
        externalKey: "rv1",
        source: "PAGE",
        author: "Ana S.",
        stars: 5,
        text: "Great",
        reviewedAt: new Date(Date.parse("2026-04-25T12:00:00Z")),
      },
    });
    await db.review.create({
      data: {
        appId: quote,
        externalKey: "rv2",
        source: "PAGE",
        author: "Zed Q.",
        stars: 3,
        text: "Ok",
        reviewedAt: new Date(Date.parse("2026-04-26T12:00:00Z")),
      },
    });
    expect(await attributeRequests(quote)).toBe(1);
    expect(await attributeRequests(quote)).toBe(0);
    const report = await outreachReport(owner, quote, Date.parse("2026-06-02T12:00:00Z"));
    expect(report.funnel).toMatchObject({ requested: 9, opened: 1, reviewed: 1 });
    expect(report.ratings).toEqual({ requested: { count: 1, average: 5 }, others: { count: 1, average: 3 } });
    // A year on, those months are out of the report's 12.
    const later = await outreachReport(owner, quote, Date.parse("2027-05-15T12:00:00Z"));
    expect(later.funnel).toMatchObject({ requested: 0, opened: 0, reviewed: 0 });
    expect(later.ratings.requested.count).toBe(0);
  });
});

describe("the throttle", () => {
  it("holds a workspace's emails back once it sent the hour's limit, and sends them later", async () => {
    const at = Date.parse("2026-07-01T12:00:00Z");
    await db.outreachSend.createMany({
      data: Array.from({ length: HOURLY_LIMIT }, (_, i) => ({
        workspaceId: owner.workspace.id,
        appId: other,
        companyId: 5000 + i,
        kind: "REQUEST",
        key: "once",
        status: "SENT",
        dueAt: new Date(at - 60_000),
        sentAt: new Date(at - 30 * 60_000),
      })),
    });
    ingestEvents(other, [ev("INSTALL", 300, at - 20 * DAY, "held@back.example")]);
    expect(await runOutreachRound({ now: at })).toMatchObject({ planned: 1, sent: 0, later: 1 });
    const held = await db.outreachSend.findFirstOrThrow({ where: { appId: other, companyId: 300 } });
    expect([held.status, held.dueAt.getTime()]).toEqual(["PENDING", at + 10 * 60_000]);
    expect(await runOutreachRound({ now: at + 31 * 60_000 })).toMatchObject({ sent: 1 });
    expect(mailTo("held@back.example")).toHaveLength(1);
  });
});
