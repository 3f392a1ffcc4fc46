import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { localDay } from "../lib/days";
import { DEFAULT_BODY, DEFAULT_REASONS, DEFAULT_SUBJECT } from "../lib/outreach/defaults";
import { nextSendTime } from "../lib/outreach/quiet-hours";
import { prng } from "./demo-installs";

/**
 * QuoteFlow's year of outreach, derived from its installs by the rules the worker applies: a review request to each
 * company on the 14th day it kept the app (outside quiet hours), some of them opened; a survey to each company that
 * uninstalled, some of them answered. Which reviews came from a request is then worked out by the app's own matcher
 * over the demo's reviews, so the funnel, the clicks, the reasons and the customers agree.
 */
const DAY = 86_400_000;
const QUIET = { from: 20, to: 9 };
const WORDS = [
  "We needed quotes in Word format, not only PDF.",
  "Our finance team chose a CPQ tool that does invoicing too.",
  "The product catalogue sync was too slow with 2,000 products.",
  "Just evaluating for a client project.",
  "Too expensive for a team of three.",
];
/** How often each reason is chosen, in DEFAULT_REASONS' order. */
const WEIGHTS = [0.32, 0.2, 0.14, 0.16, 0.18];

export async function seedDemoOutreach(db: PrismaClient, appId: string, workspaceId: string, now = Date.now()) {
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const since = now - 365 * DAY;
  await db.appOutreach.create({
    data: {
      appId,
      requestsOn: true,
      requestsSince: new Date(since),
      requestDays: 14,
      senderName: "The QuoteFlow team",
      requestSubject: DEFAULT_SUBJECT,
      requestBody: DEFAULT_BODY,
      quietFrom: QUIET.from,
      quietTo: QUIET.to,
      surveyOn: true,
      surveySince: new Date(since),
      surveyReasons: JSON.stringify(DEFAULT_REASONS),
      linkCode: "quoteflowDemo",
    },
  });
  const installs = await db.installation.findMany({
    where: { appId },
    select: { companyId: true, userId: true, userName: true, userEmail: true, installedAt: true, uninstalledAt: true },
  });
  const sends: Prisma.OutreachSendCreateManyInput[] = [];
  const answers: {
    sendKey: string;
    at: number;
    reason: string;
    label: string;
    text: string | null;
    companyId: number;
  }[] = [];
  const opens = new Map<string, number>();
  for (const i of installs) {
    const random = prng(i.companyId);
    const installed = i.installedAt.getTime();
    const gone = i.uninstalledAt?.getTime() ?? null;
    const day = installed + 14 * DAY;
    const person = { userId: i.userId, name: i.userName, email: i.userEmail };
    // A request on the 14th day, when it still had the app then and that day came after requests were turned on.
    if (day >= since && (gone === null || gone > day)) {
      const due = nextSendTime(day, timeZone, QUIET.from, QUIET.to);
      const sent = due <= now && (gone === null || gone > due);
      const opened = sent && random() < 0.36 ? Math.min(now, due + random() * 3 * DAY) : null;
      if (opened) opens.set(localDay(opened, timeZone), (opens.get(localDay(opened, timeZone)) ?? 0) + 1);
      // Uninstalled while waiting for the end of quiet hours: no request (its uninstall still gets the survey below).
      if (due > now || sent)
        sends.push({
          workspaceId,
          appId,
          companyId: i.companyId,
          kind: "REQUEST",
          key: "once",
          ...person,
          status: sent ? "SENT" : "PENDING",
          dueAt: new Date(due),
          sentAt: sent ? new Date(due) : null,
          openedAt: opened ? new Date(opened) : null,
          attempts: sent ? 1 : 0,
          createdAt: new Date(day),
        });
    }
    // A survey at each uninstall since the survey was turned on; about a third answer within two days.
    if (gone !== null && gone >= since) {
      const key = new Date(gone).toISOString().replace("Z", "+00:00");
      sends.push({
        workspaceId,
        appId,
        companyId: i.companyId,
        kind: "SURVEY",
        key,
        ...person,
        status: "SENT",
        dueAt: new Date(gone + 60_000),
        sentAt: new Date(gone + 60_000),
        attempts: 1,
        createdAt: new Date(gone + 30_000),
      });
      const answeredAt = gone + 60_000 + random() * 2 * DAY;
      if (random() < 0.34 && answeredAt < now) {
        let pick = random();
        const index = Math.max(
          0,
          WEIGHTS.findIndex((w) => (pick -= w) < 0),
        );
        const reason = DEFAULT_REASONS[index] ?? DEFAULT_REASONS[0]!;
        const text = random() < 0.3 ? WORDS[Math.floor(random() * WORDS.length)]! : null;
        answers.push({
          sendKey: `${i.companyId}|${key}`,
          at: answeredAt,
          reason: reason.id,
          label: reason.label,
          text,
          companyId: i.companyId,
        });
      }
    }
  }
  await db.outreachSend.createMany({ data: sends });
  const surveys = await db.outreachSend.findMany({
    where: { appId, kind: "SURVEY" },
    select: { id: true, companyId: true, key: true },
  });
  const byKey = new Map(surveys.map((s) => [`${s.companyId}|${s.key}`, s.id]));
  await db.surveyAnswer.createMany({
    data: answers.map((a) => ({
      sendId: byKey.get(a.sendKey)!,
      workspaceId,
      appId,
      companyId: a.companyId,
      reason: a.reason,
      reasonLabel: a.label,
      text: a.text,
      answeredAt: new Date(a.at),
    })),
  });
  // The review link's opens: every opened request, and opens from QuoteFlow's own onboarding email.
  const clicks = prng(9_001);
  const days = [];
  for (let t = since; t <= now; t += DAY) {
    const day = localDay(t, timeZone);
    const fromEmail = opens.get(day) ?? 0;
    days.push({ appId, day, clicks: fromEmail + Math.floor(clicks() * 3), fromEmail });
  }
  await db.reviewLinkDaily.createMany({ data: days });
}
