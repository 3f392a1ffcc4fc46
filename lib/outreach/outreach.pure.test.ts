import { describe, expect, it } from "vitest";
import { matchReviews, probablyBy } from "./attribution";
import { requestEligibility, type RequestCandidate, type RequestRules } from "./eligibility";
import { isQuiet, localHour, nextSendTime } from "./quiet-hours";
import { fillPlaceholders, requestEmail, surveyEmail } from "./render";
import { requestSettingsSchema, surveyAnswerSchema, surveySettingsSchema } from "./schema";
import {
  emailHash,
  openToken,
  optOutToken,
  readOpenToken,
  readOptOutToken,
  readSurveyToken,
  surveyToken,
} from "./tokens";

const DAY = 86_400_000;
const NOW = Date.parse("2026-06-15T12:00:00Z");

describe("quiet hours", () => {
  it("spans midnight when from > to, none when from = to", () => {
    expect([19, 20, 23, 0, 8, 9].map((h) => isQuiet(h, 20, 9))).toEqual([false, true, true, true, true, false]);
    expect([12, 13, 14].map((h) => isQuiet(h, 13, 14))).toEqual([false, true, false]);
    expect(isQuiet(3, 5, 5)).toBe(false);
  });

  it("reads the hour in the workspace's zone, and waits until the quiet hours end there", () => {
    // 22:00 UTC is midnight in Berlin (summer, +2) and 18:00 in New York (-4).
    const t = Date.parse("2026-06-15T22:00:00Z");
    expect(localHour(t, "Europe/Berlin")).toBe(0);
    expect(localHour(t, "America/New_York")).toBe(18);
    expect(nextSendTime(t, "America/New_York", 20, 9)).toBe(t);
    expect(new Date(nextSendTime(t, "Europe/Berlin", 20, 9)).toISOString()).toBe("2026-06-16T07:00:00.000Z");
    // Half-hour zone: 09:00 in Kolkata is 03:30 UTC.
    expect(new Date(nextSendTime(Date.parse("2026-06-15T20:00:00Z"), "Asia/Kolkata", 20, 9)).toISOString()).toBe(
      "2026-06-16T03:30:00.000Z",
    );
  });

  it("ends at 09:00 local across a DST change in either direction", () => {
    // Berlin springs forward on 29 March 2026 (02:00 → 03:00): 09:00 is 07:00 UTC that morning, 08:00 UTC before.
    expect(new Date(nextSendTime(Date.parse("2026-03-28T21:00:00Z"), "Europe/Berlin", 20, 9)).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
    // New York falls back on 1 November 2026: 09:00 is 14:00 UTC that day (13:00 UTC the day before).
    expect(new Date(nextSendTime(Date.parse("2026-11-01T01:00:00Z"), "America/New_York", 20, 9)).toISOString()).toBe(
      "2026-11-01T14:00:00.000Z",
    );
  });
});

describe("who is asked for a review, and when", () => {
  const rules: RequestRules = {
    requestDays: 14,
    askExisting: false,
    requestsSince: NOW - 30 * DAY,
    timeZone: "UTC",
    quietFrom: 20,
    quietTo: 9,
  };
  const c = (over: Partial<RequestCandidate> = {}): RequestCandidate => ({
    status: "INSTALLED",
    installedAt: NOW - 15 * DAY,
    alreadyAsked: false,
    optedOut: false,
    email: "ana@acme.example",
    ...over,
  });

  it("asks after the days kept, at once outside quiet hours", () => {
    expect(requestEligibility(c(), rules, NOW)).toEqual({ ok: true, dueAt: NOW });
    expect(requestEligibility(c({ installedAt: NOW - 13 * DAY }), rules, NOW)).toEqual({
      ok: false,
      reason: "too-soon",
    });
    expect(requestEligibility(c({ installedAt: NOW - 14 * DAY }), rules, NOW).ok).toBe(true);
    expect(requestEligibility(c({ status: "REINSTALLED" }), rules, NOW).ok).toBe(true);
  });

  it("never twice, never after an uninstall, never to an address that unsubscribed or is unknown", () => {
    expect(requestEligibility(c({ alreadyAsked: true }), rules, NOW)).toEqual({ ok: false, reason: "asked" });
    expect(requestEligibility(c({ status: "UNINSTALLED" }), rules, NOW)).toEqual({ ok: false, reason: "uninstalled" });
    expect(requestEligibility(c({ optedOut: true }), rules, NOW)).toEqual({ ok: false, reason: "opted-out" });
    expect(requestEligibility(c({ email: null }), rules, NOW)).toEqual({ ok: false, reason: "no-email" });
  });

  it("leaves out those past their day before requests were turned on, unless asked to include them", () => {
    const old = c({ installedAt: NOW - 60 * DAY });
    expect(requestEligibility(old, rules, NOW)).toEqual({ ok: false, reason: "before-start" });
    expect(requestEligibility(old, { ...rules, askExisting: true }, NOW).ok).toBe(true);
  });

  it("waits for the end of quiet hours in the workspace's zone", () => {
    const evening = Date.parse("2026-06-15T19:30:00Z");
    const verdict = requestEligibility(c(), { ...rules, timeZone: "Europe/Berlin" }, evening);
    expect(verdict.ok && new Date(verdict.dueAt).toISOString()).toBe("2026-06-16T07:00:00.000Z");
  });
});

describe("attribution", () => {
  it("matches whole names, a first name with an initial, and a first name with the company shown", () => {
    expect(probablyBy("Ana Souza", { name: "Ana S.", company: null })).toBe(true);
    expect(probablyBy("Ana S.", { name: "Ana Souza", company: null })).toBe(true);
    expect(probablyBy("ANA  SOUZA", { name: "Ana Souza", company: null })).toBe(true);
    expect(probablyBy("Ana, Acme GmbH", { name: "Ana Souza", company: "Acme GmbH" })).toBe(true);
    expect(probablyBy("Ana Souza (Acme GmbH)", { name: "Ana Souza", company: "Other" })).toBe(true);
  });

  it("does not match another person of the same first name, another initial, or no name", () => {
    expect(probablyBy("Ana Lima", { name: "Ana Souza", company: null })).toBe(false);
    expect(probablyBy("Ana L.", { name: "Ana S.", company: null })).toBe(false);
    expect(probablyBy("Ana", { name: "Ana Souza", company: null })).toBe(false);
    expect(probablyBy("Ana, Other Ltd", { name: "Ana Souza", company: "Acme GmbH" })).toBe(false);
    expect(probablyBy("Ana Souza", { name: null, company: "Acme GmbH" })).toBe(false);
  });

  it("pairs each review with one earlier request within 60 days, each request at most once", () => {
    const requests = [
      { id: "r1", sentAt: NOW - 50 * DAY, name: "Ana S.", company: null },
      { id: "r2", sentAt: NOW - 10 * DAY, name: "Ana Souza", company: null },
      { id: "r3", sentAt: NOW - 5 * DAY, name: "Tom Berg", company: null },
    ];
    const reviews = [
      { id: "v1", author: "Ana Souza", at: NOW - 40 * DAY },
      { id: "v2", author: "Ana Souza", at: NOW - 2 * DAY },
      { id: "v3", author: "Tom Berg", at: NOW - 6 * DAY },
      { id: "v4", author: "Tom Berg", at: NOW + 70 * DAY },
    ];
    expect(Object.fromEntries(matchReviews(requests, reviews))).toEqual({ r1: "v1", r2: "v2" });
  });
});

describe("signed links", () => {
  const secret = "s".repeat(40);
  it("opens a survey once signed and not expired; forged or altered tokens do not", () => {
    const token = surveyToken("send1", NOW + DAY, secret);
    expect(readSurveyToken(token, secret, NOW)).toEqual({ ok: true, sendId: "send1" });
    expect(readSurveyToken(token, secret, NOW + 2 * DAY)).toEqual({ ok: false, reason: "expired" });
    expect(readSurveyToken(token, "x".repeat(40), NOW)).toEqual({ ok: false, reason: "forged" });
    const [payload, sig] = token.split(".");
    const altered = Buffer.from(`send2|${Math.floor((NOW + DAY) / 1000)}`).toString("base64url");
    expect(readSurveyToken(`${altered}.${sig}`, secret, NOW).ok).toBe(false);
    expect(readSurveyToken(`${payload}.${sig}x`, secret, NOW).ok).toBe(false);
    expect(readSurveyToken("", secret, NOW).ok).toBe(false);
  });

  it("keeps purposes apart: an open token is not a survey token", () => {
    const open = openToken("send1", secret);
    expect(readOpenToken(open, secret)).toBe("send1");
    expect(readSurveyToken(open, secret, NOW).ok).toBe(false);
    const out = optOutToken("w1", "Ana@Acme.example ", secret);
    expect(readOptOutToken(out, secret)).toEqual({ workspaceId: "w1", emailHash: emailHash("ana@acme.example") });
    expect(readOpenToken(out, secret)).toBeNull();
  });
});

describe("the emails and forms", () => {
  it("fills placeholders with outside text as one plain line, and escapes everything in HTML", () => {
    const email = requestEmail({
      subject: "Hi {first_name} at {company}",
      body: "Dear {first_name},\n\n<b>{app}</b> & you",
      app: "Quote<script>",
      sender: 'Acme "Tools"',
      recipient: { name: "<img src=x onerror=alert(1)> Evil\r\nBcc: x@y", company: "Evil\nCorp" },
      reviewUrl: "https://ls.example/r/abc?m=t",
      unsubscribeUrl: "https://ls.example/unsubscribe/customer/t",
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe("Hi <img at Evil Corp");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&#60;b&#62;Quote&#60;script&#62;&#60;/b&#62;");
    expect(email.text).toContain("https://ls.example/unsubscribe/customer/t");
    expect(fillPlaceholders("{first_name}/{company}", { app: "A", recipient: { name: null, company: null } })).toBe(
      "there/your team",
    );
    expect(
      surveyEmail({
        app: "A",
        sender: "S",
        recipient: { name: "Bo", company: null },
        surveyUrl: "u",
        unsubscribeUrl: "x",
      }).subject,
    ).toBe("Why did you uninstall A?");
  });

  it("validates settings and answers with specific messages", () => {
    const base = {
      requestsOn: true,
      requestDays: 14,
      askExisting: false,
      senderName: "",
      requestSubject: "Hi",
      requestBody: "Text",
      quietFrom: 20,
      quietTo: 9,
    };
    expect(requestSettingsSchema.safeParse(base).success).toBe(true);
    const bad = requestSettingsSchema.safeParse({ ...base, requestDays: 0, requestSubject: "a\nb", quietTo: 24 });
    expect(bad.success || bad.error.issues.map((i) => i.message)).toEqual([
      "Ask after at least 1 day",
      "A subject is one line",
      "Choose an hour from 0 to 23",
    ]);
    const reasons = surveySettingsSchema.safeParse({
      surveyOn: true,
      reasons: [{ label: "Price" }, { label: "price " }],
    });
    expect(reasons.success || reasons.error.issues[0]!.message).toBe("Two reasons say the same thing");
    expect(surveyAnswerSchema.safeParse({ text: "   " }).success).toBe(false);
    expect(surveyAnswerSchema.safeParse({ text: "x".repeat(2001) }).success).toBe(false);
  });
});
