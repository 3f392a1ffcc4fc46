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
process.env.CRON_SECRET = "c".repeat(32);
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { runOutreachRound, claimSends, planRequests } = await import("./worker");
const { saveRequestSettings, saveSurveySettings, getOutreachSettings } = await import("./settings");
const { openReviewLink, surveyPage, optOutPage } = await import("./public");
const { outreachReport, surveyAnswersCsv, customerOutreach } = await import("./report");
const { attributeRequests } = await import("./attribute");
const { withOutreach } = await import("./timeline");
const { getCustomer, eraseCustomer } = await import("@/lib/customers/customer");
const { NextRequest } = await import("next/server");
const surveyRoute = await import("@/app/survey/[token]/route");
const cronRoute = await import("@/app/api/cron/outreach/route");
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
    await runOutreachRound({ now: at + 10 * 60_000 });
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
  });
});

describe("the uninstall survey", () => {
  let token = "";
  it("is emailed to the uninstalling user once the survey is on", async () => {
    await expect(
      saveSurveySettings(owner, quote, { surveyOn: true, reasons: [{ label: "Only one" }] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const at = Date.parse("2026-06-10T12:00:00Z");
    await saveSurveySettings(
      owner,
      quote,
      { surveyOn: true, reasons: [{ label: "Too expensive" }, { label: "Missing a feature" }] },
      new Date(at),
    );
    ingestEvents(quote, [ev("UNINSTALL", 100, at + 60_000, "p0@many.example")]);
    expect(await runOutreachRound({ now: at + 120_000 })).toMatchObject({ sent: 1 });
    const mail = mailTo("p0@many.example").find((m) => m.subject === "Why did you uninstall Quote?")!;
    token = linkOf(mail.text ?? "", /\/survey\/\S+/).slice("/survey/".length);
    expect(token).not.toBe("");
  });

  it("takes one answer, hostile text as inert data, and tells the timeline, the report, the CSV and the alert rules", async () => {
    await db.alertRule.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Reasons",
        event: "UNINSTALL_REASON",
        inApp: true,
        email: false,
        webhooks: "",
      },
    });
    const at = Date.parse("2026-06-11T12:00:00Z");
    const get = await surveyPage(token, { method: "GET", path: "/survey/t" }, at);
    expect(get.html).toContain("Why did you uninstall Quote?");
    expect(get.html).toContain('name="reason" value="too-expensive"');
    const empty = await surveyPage(token, { method: "POST", path: "/survey/t", form: { text: "  " } }, at);
    expect([empty.status, empty.html.includes("Choose a reason or write a few words")]).toEqual([422, true]);
    const hostile = '=HYPERLINK("http://evil")<script>alert(1)</script>';
    const kept = await surveyPage(
      token,
      { method: "POST", path: "/survey/t", form: { reason: "nope", text: hostile } },
      at,
    );
    expect(kept.status).toBe(422);
    expect(kept.html).toContain("&#60;script&#62;"); // what was typed is kept, escaped
    expect(kept.html).not.toContain("<script>alert");
    const ok = await surveyPage(
      token,
      { method: "POST", path: "/survey/t", form: { reason: "too-expensive", text: hostile } },
      at,
    );
    expect([ok.status, ok.html]).toEqual([200, expect.stringContaining("Thank you")]);
    const again = await surveyPage(token, { method: "POST", path: "/survey/t", form: { reason: "too-expensive" } }, at);
    expect(again.html).toContain("You have answered already");
    expect(await db.surveyAnswer.count()).toBe(1);
    expect((await surveyPage(token, { method: "GET", path: "/" }, at + 31 * DAY)).status).toBe(410);
    expect((await surveyPage(`${token}x`, { method: "GET", path: "/" }, at)).status).toBe(404);

    const report = await outreachReport(owner, quote, at);
    expect(report.survey).toMatchObject({ sent: 1, answered: 1 });
    expect(report.survey.reasons[0]).toMatchObject({ label: "Too expensive", count: 1 });
    expect(report.survey.answers[0]!.text).toBe(hostile);
    const csv: string[] = [];
    for await (const line of surveyAnswersCsv(owner, quote)) csv.push(line);
    expect(csv[1]).toContain(`"'=HYPERLINK(""http://evil"")<script>alert(1)</script>"`);
    const customer = await db.customer.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, companyId: 100 } });
    const outreach = await customerOutreach(owner.workspace.id, 100);
    const timeline = withOutreach((await getCustomer(owner, customer.id)).timeline, outreach);
    expect(timeline.find((t) => t.kind === "SURVEY_ANSWER")?.detail).toEqual({
      reason: "Too expensive",
      text: hostile,
    });
    expect(timeline.map((t) => t.kind)).toEqual([
      "SURVEY_ANSWER",
      "SURVEY_SENT",
      "UNINSTALL",
      "REQUEST_SENT",
      "INSTALL",
    ]);
    expect(outreach.map((o) => o.kind).sort()).toEqual(["REQUEST", "SURVEY"]);
    const alert = await db.alert.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, type: "UNINSTALL_REASON" },
    });
    expect(alert.title).toBe("Company 100 Ltd told why it uninstalled Quote: Too expensive");

    await eraseCustomer(owner, customer.id, "100");
    expect((await db.surveyAnswer.findFirstOrThrow()).text).toBeNull();
    expect(await db.outreachSend.count({ where: { companyId: 100, email: { not: null } } })).toBe(0);
  });

  it("answers through its route only from its own origin, as a form, within its size", async () => {
    const post = (headers: Record<string, string>, body = "reason=bugs") =>
      surveyRoute.POST(
        new NextRequest("http://localhost:3999/survey/abc", {
          method: "POST",
          headers: { "content-length": String(body.length), ...headers },
          body,
        }),
        { params: Promise.resolve({ token: "abc" }) },
      );
    expect(
      (await post({ origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(403);
    expect((await post({ origin: "http://localhost:3999", "content-type": "application/json" })).status).toBe(415);
    expect(
      (
        await post({
          origin: "http://localhost:3999",
          "content-type": "application/x-www-form-urlencoded",
          "content-length": "99999",
        })
      ).status,
    ).toBe(413);
    const forged = await post({ origin: "http://localhost:3999", "content-type": "application/x-www-form-urlencoded" });
    expect([forged.status, forged.headers.get("content-security-policy")?.includes("default-src 'none'")]).toEqual([
      404,
      true,
    ]);
  });

  it("runs from the cron endpoint only with the secret", async () => {
    const call = (auth?: string) =>
      cronRoute.POST(
        new Request("http://localhost:3999/api/cron/outreach", {
          method: "POST",
          headers: auth ? { authorization: auth } : {},
        }),
      );
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    const ok = await call(`Bearer ${"c".repeat(32)}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ sent: expect.any(Number) });
  });
});
