import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { statement } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { addMonths, localDay, startOfDay } from "@/lib/days";
import { notFound } from "@/lib/errors";
import { csvLine } from "@/lib/text/csv";
import { parseReasons } from "./settings";
import type { CustomerOutreach, OutreachReport } from "./types";

/** What outreach did for an app: the request funnel, the review link's opens, and the uninstall reasons. */

const MONTHS = 12;
const OTHER = "__text";

async function scopedApp(member: Member, appId: unknown) {
  if (typeof appId !== "string" || appId.length > 64) throw notFound("App");
  const app = await db.app.findFirst({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { id: true, name: true, workspace: { select: { timeZone: true } }, outreach: true },
  });
  if (!app) throw notFound("App");
  return app;
}

type Window = { month: string; from: string; to: string };

/** The last 12 months of the workspace's calendar, each as the instants it starts and ends (stored form). */
function monthsUpTo(now: number, tz: string): Window[] {
  const thisMonth = `${localDay(now, tz).slice(0, 7)}-01`;
  return Array.from({ length: MONTHS }, (_, i) => {
    const first = addMonths(thisMonth, i - MONTHS + 1);
    return {
      month: first.slice(0, 7),
      from: sqliteTime(startOfDay(first, tz)),
      to: sqliteTime(startOfDay(addMonths(first, 1), tz)),
    };
  });
}

const stars = (row: { n: number; average: number | null } | undefined) => ({
  count: row?.n ?? 0,
  average: row?.average == null ? null : Math.round(row.average * 100) / 100,
});

/**
 * The report's figures over the last 12 months, counted in SQL on the indexes that hold them (sends by app, kind
 * and time; answers by app and time; the link's daily opens), so a partner with a million customers reads as fast
 * as a small one.
 */
export async function outreachReport(member: Member, appId: unknown, now = Date.now()): Promise<OutreachReport> {
  const app = await scopedApp(member, appId);
  const tz = app.workspace.timeZone;
  const windows = monthsUpTo(now, tz);
  const start = windows[0]!.from;
  const requests = windows.map(
    (w) =>
      statement(
        `SELECT COUNT(*) AS requested, COUNT(openedAt) AS opened, COUNT(reviewId) AS reviewed FROM OutreachSend
         WHERE appId = ? AND kind = 'REQUEST' AND status = 'SENT' AND sentAt >= ? AND sentAt < ?`,
      ).get(app.id, w.from, w.to) as { requested: number; opened: number; reviewed: number },
  );
  const clicksByMonth = new Map(
    (
      statement(
        `SELECT substr(day, 1, 7) AS month, SUM(clicks) AS clicks FROM ReviewLinkDaily
         WHERE appId = ? AND day >= ? GROUP BY month`,
      ).all(app.id, `${windows[0]!.month}-01`) as { month: string; clicks: number }[]
    ).map((r) => [r.month, r.clicks]),
  );
  const last30 = statement(
    "SELECT COALESCE(SUM(clicks), 0) AS clicks, COALESCE(SUM(fromEmail), 0) AS fromEmail FROM ReviewLinkDaily WHERE appId = ? AND day >= ?",
  ).get(app.id, localDay(now - 29 * 86_400_000, tz)) as { clicks: number; fromEmail: number };
  const waiting = statement(
    `SELECT COUNT(*) AS n FROM OutreachSend
     WHERE appId = ? AND kind = 'REQUEST' AND sentAt IS NULL AND status IN ('PENDING', 'SENDING')`,
  ).get(app.id) as { n: number };
  // The rating of the window's reviews that a request probably brought, against the others.
  const ratings = statement(
    `SELECT r.id IN (SELECT reviewId FROM OutreachSend WHERE appId = ? AND reviewId IS NOT NULL) AS asked,
            COUNT(*) AS n, AVG(r.stars) AS average
     FROM Review r WHERE r.appId = ? AND r.removedAt IS NULL AND r.reviewedAt >= ? GROUP BY asked`,
  ).all(app.id, app.id, start) as { asked: number; n: number; average: number | null }[];
  const surveysSent = statement(
    `SELECT COUNT(*) AS n FROM OutreachSend WHERE appId = ? AND kind = 'SURVEY' AND status = 'SENT' AND sentAt >= ?`,
  ).get(app.id, start) as { n: number };
  const answersByMonth = windows.map(
    (w) =>
      statement(
        `SELECT reason, MAX(reasonLabel) AS label, COUNT(*) AS n FROM SurveyAnswer
         WHERE appId = ? AND answeredAt >= ? AND answeredAt < ? GROUP BY reason`,
      ).all(app.id, w.from, w.to) as { reason: string | null; label: string | null; n: number }[],
  );
  const current = parseReasons(app.outreach?.surveyReasons ?? "[]");
  const labelOf = (reason: string | null, stored: string | null) =>
    reason ? (current.find((r) => r.id === reason)?.label ?? stored ?? reason) : "Own words only";
  const reasonCounts = new Map<string, { id: string | null; label: string; count: number }>(
    current.map((r) => [r.id, { id: r.id, label: r.label, count: 0 }]),
  );
  for (const row of answersByMonth.flat()) {
    const key = row.reason ?? OTHER;
    const entry = reasonCounts.get(key) ?? { id: row.reason, label: labelOf(row.reason, row.label), count: 0 };
    entry.count += row.n;
    reasonCounts.set(key, entry);
  }
  const latest = await db.surveyAnswer.findMany({
    where: { appId: app.id },
    orderBy: { answeredAt: "desc" },
    take: 12,
    select: { id: true, answeredAt: true, reason: true, reasonLabel: true, text: true, companyId: true },
  });
  const customers = latest.length
    ? await db.customer.findMany({
        where: { workspaceId: member.workspace.id, companyId: { in: [...new Set(latest.map((a) => a.companyId))] } },
        select: { id: true, companyId: true, companyName: true },
      })
    : [];
  const customerOf = new Map(customers.map((c) => [c.companyId, c]));
  const sum = (key: "requested" | "opened" | "reviewed") => requests.reduce((n, r) => n + r[key], 0);
  return {
    funnel: { requested: sum("requested"), opened: sum("opened"), reviewed: sum("reviewed"), waiting: waiting.n },
    monthly: windows.map((w, i) => ({ month: w.month, ...requests[i]!, clicks: clicksByMonth.get(w.month) ?? 0 })),
    ratings: {
      requested: stars(ratings.find((r) => r.asked)),
      others: stars(ratings.find((r) => !r.asked)),
    },
    clicks: { last30: last30.clicks, fromEmail30: last30.fromEmail },
    survey: {
      sent: surveysSent.n,
      answered: answersByMonth.flat().reduce((n, r) => n + r.n, 0),
      reasons: [...reasonCounts.values()].sort((a, b) => b.count - a.count),
      monthly: windows.map((w, i) => ({
        month: w.month,
        counts: Object.fromEntries(answersByMonth[i]!.map((r) => [r.reason ?? OTHER, r.n])),
      })),
      answers: latest.map((a) => ({
        id: a.id,
        answeredAt: a.answeredAt.toISOString(),
        reason: a.reason ? labelOf(a.reason, a.reasonLabel) : null,
        text: a.text,
        companyId: a.companyId,
        companyName: customerOf.get(a.companyId)?.companyName ?? null,
        customerId: customerOf.get(a.companyId)?.id ?? null,
      })),
    },
  };
}

export const SURVEY_CSV_HEADER = ["answered_at", "company_id", "company_name", "reason", "text"];

/** Every answer of the app, newest first, formula-safe (csvLine). */
export async function* surveyAnswersCsv(member: Member, appId: unknown): AsyncGenerator<string> {
  const app = await scopedApp(member, appId);
  yield csvLine(SURVEY_CSV_HEADER);
  let cursor: { answeredAt: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; answeredAt: Date; companyId: number; reasonLabel: string | null; text: string | null }[] =
      await db.surveyAnswer.findMany({
        where: {
          appId: app.id,
          ...(cursor
            ? {
                OR: [
                  { answeredAt: { lt: cursor.answeredAt } },
                  { answeredAt: cursor.answeredAt, id: { lt: cursor.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
        take: 500,
        select: { id: true, answeredAt: true, companyId: true, reasonLabel: true, text: true },
      });
    if (!page.length) return;
    const names = new Map(
      (
        await db.customer.findMany({
          where: { workspaceId: member.workspace.id, companyId: { in: page.map((a) => a.companyId) } },
          select: { companyId: true, companyName: true },
        })
      ).map((c) => [c.companyId, c.companyName]),
    );
    for (const a of page)
      yield csvLine([
        a.answeredAt.toISOString(),
        a.companyId,
        names.get(a.companyId) ?? "",
        a.reasonLabel ?? "",
        a.text ?? "",
      ]);
    cursor = page.at(-1)!;
  }
}

/** One customer's outreach: every email planned or sent to it, and its survey answers. */
export async function customerOutreach(workspaceId: string, companyId: number): Promise<CustomerOutreach> {
  const sends = await db.outreachSend.findMany({
    where: { workspaceId, companyId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { app: { select: { name: true } }, answer: true },
  });
  return sends.map((s) => ({
    id: s.id,
    kind: s.kind as "REQUEST" | "SURVEY",
    appId: s.appId,
    appName: s.app.name,
    status: s.status,
    reason: s.reason,
    dueAt: s.dueAt.toISOString(),
    sentAt: s.sentAt?.toISOString() ?? null,
    openedAt: s.openedAt?.toISOString() ?? null,
    reviewId: s.reviewId,
    answer: s.answer
      ? { answeredAt: s.answer.answeredAt.toISOString(), reason: s.answer.reasonLabel, text: s.answer.text }
      : null,
  }));
}
