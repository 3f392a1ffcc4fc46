import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import type { IngestEvent } from "@/lib/installs/types";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";
import { startSmtpServer } from "@/lib/test/smtp";

setupTestDatabase();
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.AUTH_URL = "http://localhost:3999";
process.env.CRON_SECRET = "c".repeat(32);
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { runOutreachRound } = await import("./worker");
const { saveSurveySettings } = await import("./settings");
const { surveyPage } = await import("./public");
const { outreachReport, surveyAnswersCsv, customerOutreach } = await import("./report");
const { withOutreach } = await import("./timeline");
const { getCustomer, eraseCustomer } = await import("@/lib/customers/customer");
const { NextRequest } = await import("next/server");
const surveyRoute = await import("@/app/survey/[token]/route");
const cronRoute = await import("@/app/api/cron/outreach/route");
afterAll(() => smtp.close());

/** The uninstall survey: sent at an uninstall, answered once, reported, on the timeline, erased with the customer. */
const DAY = 86_400_000;
const T0 = Date.parse("2026-04-01T12:00:00Z");
let owner: Member;
let quote: string;
let n = 0;

const ev = (type: "INSTALL" | "UNINSTALL", companyId: number, at: number, email: string): IngestEvent => ({
  dedupeKey: `s${n++}`,
  type,
  companyId,
  userId: companyId * 10,
  occurredAt: new Date(at),
  source: "GATEWAY",
  companyName: `Company ${companyId} Ltd`,
  userName: "Pia Park",
  userEmail: email,
});
const mailTo = (address: string) => smtp.messages.filter((m) => JSON.stringify(m.to ?? "").includes(address));
const linkOf = (text: string, pattern: RegExp) => pattern.exec(text)?.[0] ?? "";

beforeAll(async () => {
  owner = await createOwner(db, 932);
  quote = (
    await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Quote",
        type: "PUBLIC",
        clientId: "cid-s",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
  ingestEvents(quote, [ev("INSTALL", 100, T0, "p0@many.example")]);
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
    expect(timeline.map((t) => t.kind)).toEqual(["SURVEY_ANSWER", "SURVEY_SENT", "UNINSTALL", "INSTALL"]);
    expect(outreach.map((o) => o.kind)).toEqual(["SURVEY"]);
    const alert = await db.alert.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, type: "UNINSTALL_REASON" },
    });
    expect(alert.title).toBe("Company 100 Ltd told why it uninstalled Quote: Too expensive");

    await eraseCustomer(owner, customer.id, "100");
    expect((await db.surveyAnswer.findFirstOrThrow()).text).toBeNull();
    expect(await db.outreachSend.count({ where: { companyId: 100, email: { not: null } } })).toBe(0);
  });

  it("keeps a reworded reason's answers under its new words", async () => {
    await saveSurveySettings(owner, quote, {
      surveyOn: true,
      reasons: [
        { id: "too-expensive", label: "Costs too much" },
        { id: "missing-a-feature", label: "Missing a feature" },
      ],
    });
    const report = await outreachReport(owner, quote, Date.parse("2026-06-11T12:00:00Z"));
    expect(report.survey.reasons[0]).toEqual({ id: "too-expensive", label: "Costs too much", count: 1 });
    expect(report.survey.answers[0]!.reason).toBe("Costs too much");
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
