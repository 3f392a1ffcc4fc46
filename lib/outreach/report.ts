import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { statement } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { addMonths, localDay } from "@/lib/days";
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

const average = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;

export async function outreachReport(member: Member, appId: unknown, now = Date.now()): Promise<OutreachReport> {
  const app = await scopedApp(member, appId);
  const tz = app.workspace.timeZone;
  const thisMonth = localDay(now, tz).slice(0, 7);
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(`${thisMonth}-01`, i - MONTHS + 1).slice(0, 7));
  const from = `${months[0]}-01`;
  const sends = statement(`SELECT kind, status, sentAt, openedAt, reviewId FROM OutreachSend WHERE appId = ?`).all(
    app.id,
  ) as { kind: string; status: string; sentAt: string | null; openedAt: string | null; reviewId: string | null }[];
  const requests = sends.filter((s) => s.kind === "REQUEST");
  const sent = requests.filter((s) => s.status === "SENT");
  const monthOf = (at: string) => localDay(Date.parse(at), tz).slice(0, 7);
  const days = statement("SELECT day, clicks, fromEmail FROM ReviewLinkDaily WHERE appId = ?").all(app.id) as {
    day: string;
    clicks: number;
    fromEmail: number;
  }[];
  const since30 = localDay(now - 29 * 86_400_000, tz);
  const attributed = new Set(sent.map((s) => s.reviewId).filter(Boolean));
  const reviews = await db.review.findMany({
    where: { appId: app.id, removedAt: null, reviewedAt: { gte: new Date(Date.parse(`${from}T00:00:00Z`)) } },
    select: { id: true, stars: true },
  });
  const answers = await db.surveyAnswer.findMany({
    where: { appId: app.id },
    orderBy: { answeredAt: "desc" },
    select: { id: true, answeredAt: true, reason: true, reasonLabel: true, text: true, companyId: true },
  });
  const current = parseReasons(app.outreach?.surveyReasons ?? "[]");
  const labelOf = (a: { reason: string | null; reasonLabel: string | null }) =>
    a.reason ? (current.find((r) => r.id === a.reason)?.label ?? a.reasonLabel ?? a.reason) : "Own words only";
  const reasonCounts = new Map<string, { id: string | null; label: string; count: number }>();
  for (const r of current) reasonCounts.set(r.id, { id: r.id, label: r.label, count: 0 });
  for (const a of answers) {
    const key = a.reason ?? OTHER;
    const entry = reasonCounts.get(key) ?? { id: a.reason, label: labelOf(a), count: 0 };
    entry.count++;
    reasonCounts.set(key, entry);
  }
  const latest = answers.slice(0, 12);
  const customers = latest.length
    ? await db.customer.findMany({
        where: { workspaceId: member.workspace.id, companyId: { in: [...new Set(latest.map((a) => a.companyId))] } },
        select: { id: true, companyId: true, companyName: true },
      })
    : [];
  const customerOf = new Map(customers.map((c) => [c.companyId, c]));
  return {
    months,
    funnel: {
      requested: sent.length,
      opened: sent.filter((s) => s.openedAt).length,
      reviewed: sent.filter((s) => s.reviewId).length,
      waiting: requests.filter((s) => s.status === "PENDING" || s.status === "SENDING").length,
      skipped: requests.filter((s) => s.status === "SKIPPED" || s.status === "FAILED").length,
    },
    monthly: months.map((month) => {
      const inMonth = sent.filter((s) => monthOf(s.sentAt!) === month);
      return {
        month,
        requested: inMonth.length,
        opened: inMonth.filter((s) => s.openedAt).length,
        reviewed: inMonth.filter((s) => s.reviewId).length,
        clicks: days.filter((d) => d.day.startsWith(month)).reduce((n, d) => n + d.clicks, 0),
      };
    }),
    ratings: {
      requested: {
        count: reviews.filter((r) => attributed.has(r.id)).length,
        average: average(reviews.filter((r) => attributed.has(r.id)).map((r) => r.stars)),
      },
      others: {
        count: reviews.filter((r) => !attributed.has(r.id)).length,
        average: average(reviews.filter((r) => !attributed.has(r.id)).map((r) => r.stars)),
      },
    },
    clicks: {
      last30: days.filter((d) => d.day >= since30).reduce((n, d) => n + d.clicks, 0),
      fromEmail30: days.filter((d) => d.day >= since30).reduce((n, d) => n + d.fromEmail, 0),
      total: days.reduce((n, d) => n + d.clicks, 0),
    },
    survey: {
      sent: sends.filter((s) => s.kind === "SURVEY" && s.status === "SENT").length,
      answered: answers.length,
      reasons: [...reasonCounts.values()].sort((a, b) => b.count - a.count),
      monthly: months.map((month) => {
        const inMonth = answers.filter((a) => localDay(a.answeredAt, tz).slice(0, 7) === month);
        const counts: Record<string, number> = {};
        for (const a of inMonth) counts[a.reason ?? OTHER] = (counts[a.reason ?? OTHER] ?? 0) + 1;
        return { month, counts, total: inMonth.length };
      }),
      answers: latest.map((a) => ({
        id: a.id,
        answeredAt: a.answeredAt.toISOString(),
        reason: a.reason ? labelOf(a) : null,
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
