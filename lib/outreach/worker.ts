import "server-only";
import { randomBytes } from "node:crypto";
import type { Transporter } from "nodemailer";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { sqliteTime } from "@/lib/db/time";
import { statement } from "@/lib/db/sql";
import { mailTransport } from "@/lib/notifications/email";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { requestEligibility, SKIP_LABELS, type SkipReason } from "./eligibility";
import { isQuiet, localHour, nextSendTime } from "./quiet-hours";
import { requestEmail, surveyEmail } from "./render";
import { emailHash, openToken, optOutToken, SURVEY_DAYS, surveyToken } from "./tokens";
import { reviewLinkUrl } from "./settings";

/**
 * The outreach round: plans the emails that are due (review requests of installs that reached their day, surveys of
 * uninstalls), then sends what is due. A send is claimed before it goes (one UPDATE … RETURNING), so two workers
 * never send one email twice; a claim that lapsed (a worker died mid-send) is never sent again. Sends are throttled
 * per workspace, and every email sent is in the audit trail.
 */
const CLAIM_MS = 120_000;
/** Emails a workspace sends at most in an hour; the rest wait. */
export const HOURLY_LIMIT = 120;
/** Candidates looked at per app and round. */
const PLAN_BATCH = 500;
const MAX_ATTEMPTS = 5;
const DAY = 86_400_000;

const base = () => env().AUTH_URL.replace(/\/+$/, "");
const iso = (ms: number) => sqliteTime(ms);

type Candidate = { companyId: number; companyName: string | null; status: string; installedAt: string | null };
type Person = { userId: number; userName: string | null; userEmail: string | null };

const optedOut = (workspaceId: string, email: string) =>
  Boolean(
    statement("SELECT 1 FROM OutreachOptOut WHERE workspaceId = ? AND emailHash = ?").get(
      workspaceId,
      emailHash(email),
    ),
  );

async function writeSend(data: {
  workspaceId: string;
  appId: string;
  companyId: number;
  kind: "REQUEST" | "SURVEY";
  key: string;
  person: Person | null;
  status: "PENDING" | "SKIPPED";
  reason: SkipReason | null;
  dueAt: number;
}) {
  const result = statement(
    `INSERT INTO OutreachSend (id, workspaceId, appId, companyId, kind, key, userId, name, email, status, reason, dueAt, attempts, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING`,
  ).run(
    `os${randomBytes(12).toString("hex")}`,
    data.workspaceId,
    data.appId,
    data.companyId,
    data.kind,
    data.key,
    data.person?.userId ?? null,
    data.person?.userName ?? null,
    data.person?.userEmail ?? null,
    data.status,
    data.reason ? SKIP_LABELS[data.reason] : null,
    iso(data.dueAt),
    iso(Date.now()),
  );
  return result.changes > 0;
}

/** Review requests of installs that reached their day since requests were turned on (or before, if asked to). */
export async function planRequests(now = Date.now()) {
  const apps = await db.appOutreach.findMany({
    where: { requestsOn: true, app: { archivedAt: null } },
    select: {
      appId: true,
      requestDays: true,
      askExisting: true,
      requestsSince: true,
      quietFrom: true,
      quietTo: true,
      app: { select: { workspaceId: true, workspace: { select: { timeZone: true } } } },
    },
  });
  let planned = 0;
  for (const a of apps) {
    const since = a.requestsSince?.getTime() ?? now;
    const rules = {
      requestDays: a.requestDays,
      askExisting: a.askExisting,
      requestsSince: since,
      timeZone: a.app.workspace.timeZone,
      quietFrom: a.quietFrom,
      quietTo: a.quietTo,
    };
    const latest = now - a.requestDays * DAY;
    const earliest = a.askExisting ? 0 : since - a.requestDays * DAY;
    const candidates = statement(
      `SELECT c.companyId AS companyId, c.companyName AS companyName, ca.status AS status, ca.installedAt AS installedAt
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId
       WHERE ca.appId = ? AND ca.status IN ('INSTALLED', 'REINSTALLED') AND ca.installedAt <= ? AND ca.installedAt >= ?
         AND NOT EXISTS (SELECT 1 FROM OutreachSend s WHERE s.appId = ca.appId AND s.companyId = c.companyId
                         AND s.kind = 'REQUEST' AND s.key = 'once')
       LIMIT ?`,
    ).all(a.appId, iso(latest), iso(earliest), PLAN_BATCH) as Candidate[];
    for (const c of candidates) {
      const person = statement(
        `SELECT userId, userName, userEmail FROM Installation
         WHERE appId = ? AND companyId = ? AND uninstalledAt IS NULL
         ORDER BY userEmail IS NULL, installedAt LIMIT 1`,
      ).get(a.appId, c.companyId) as Person | undefined;
      const verdict = requestEligibility(
        {
          status: c.status,
          installedAt: c.installedAt ? Date.parse(c.installedAt) : null,
          alreadyAsked: false,
          optedOut: Boolean(person?.userEmail && optedOut(a.app.workspaceId, person.userEmail)),
          email: person?.userEmail ?? null,
        },
        rules,
        now,
      );
      if (!verdict.ok && (verdict.reason === "too-soon" || verdict.reason === "before-start")) continue;
      const wrote = await writeSend({
        workspaceId: a.app.workspaceId,
        appId: a.appId,
        companyId: c.companyId,
        kind: "REQUEST",
        key: "once",
        person: person ?? null,
        status: verdict.ok ? "PENDING" : "SKIPPED",
        reason: verdict.ok ? null : verdict.reason,
        dueAt: verdict.ok ? verdict.dueAt : now,
      });
      if (wrote && verdict.ok) planned++;
    }
  }
  return planned;
}

/** A survey for each company that uninstalled an app (all its users) since the survey was turned on. */
export async function planSurveys(now = Date.now()) {
  const apps = await db.appOutreach.findMany({
    where: { surveyOn: true, app: { archivedAt: null } },
    select: { appId: true, surveySince: true, app: { select: { workspaceId: true } } },
  });
  let planned = 0;
  for (const a of apps) {
    const uninstalls = statement(
      `SELECT c.companyId AS companyId, ca.uninstalledAt AS uninstalledAt
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId
       WHERE ca.appId = ? AND ca.status = 'UNINSTALLED' AND ca.uninstalledAt >= ?
         AND NOT EXISTS (SELECT 1 FROM OutreachSend s WHERE s.appId = ca.appId AND s.companyId = c.companyId
                         AND s.kind = 'SURVEY' AND s.key = ca.uninstalledAt)
       LIMIT ?`,
    ).all(a.appId, iso(a.surveySince?.getTime() ?? now), PLAN_BATCH) as { companyId: number; uninstalledAt: string }[];
    for (const u of uninstalls) {
      // The uninstalling user: the one whose install ended last, with an address where one is known.
      const person = statement(
        `SELECT userId, userName, userEmail FROM Installation WHERE appId = ? AND companyId = ? AND uninstalledAt IS NOT NULL
         ORDER BY uninstalledAt DESC, userEmail IS NULL LIMIT 1`,
      ).get(a.appId, u.companyId) as Person | undefined;
      const email = person?.userEmail ?? null;
      const reason: SkipReason | null = !email ? "no-email" : optedOut(a.app.workspaceId, email) ? "opted-out" : null;
      const wrote = await writeSend({
        workspaceId: a.app.workspaceId,
        appId: a.appId,
        companyId: u.companyId,
        kind: "SURVEY",
        key: u.uninstalledAt,
        person: person ?? null,
        status: reason ? "SKIPPED" : "PENDING",
        reason,
        dueAt: now,
      });
      if (wrote && !reason) planned++;
    }
  }
  return planned;
}

/** Claims due sends for this worker; a send whose claim lapsed mid-send is marked failed, never sent again. */
export function claimSends(worker: string, now = Date.now(), limit = 20): string[] {
  statement(
    `UPDATE OutreachSend SET status = 'FAILED', reason = ?, claimedBy = NULL, claimedUntil = NULL
     WHERE status = 'SENDING' AND claimedUntil < ?`,
  ).run(SKIP_LABELS.interrupted, iso(now));
  const rows = statement(
    `UPDATE OutreachSend SET status = 'SENDING', claimedBy = ?, claimedUntil = ?
     WHERE status = 'PENDING' AND id IN (
       SELECT id FROM OutreachSend WHERE status = 'PENDING' AND dueAt <= ? ORDER BY dueAt LIMIT ?)
     RETURNING id`,
  ).all(worker, iso(now + CLAIM_MS), iso(now), limit) as { id: string }[];
  return rows.map((r) => r.id);
}

type Claimed = NonNullable<Awaited<ReturnType<typeof loadSend>>>;
const loadSend = (id: string) =>
  db.outreachSend.findUnique({
    where: { id },
    include: {
      app: {
        select: {
          id: true,
          name: true,
          workspaceId: true,
          outreach: true,
          workspace: { select: { name: true, timeZone: true } },
        },
      },
    },
  });

async function settle(send: Claimed, worker: string, data: Record<string, unknown>) {
  await db.outreachSend.updateMany({
    where: { id: send.id, claimedBy: worker },
    data: { claimedBy: null, claimedUntil: null, ...data },
  });
}

/** The sender's address: EMAIL_FROM's, with the partner's name shown. */
function fromOf(senderName: string) {
  const from = env().EMAIL_FROM;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return { name: senderName, address };
}

/** What stops a claimed send now: a reason to skip it, a later time to send it, or nothing. */
function hold(send: Claimed, now: number): { skip: keyof typeof SKIP_LABELS } | { later: number } | null {
  const o = send.app.outreach;
  const on = send.kind === "REQUEST" ? o?.requestsOn : o?.surveyOn;
  if (!o || !on) return { skip: "turned-off" };
  if (!send.email) return { skip: "no-email" };
  if (optedOut(send.workspaceId, send.email)) return { skip: "opted-out" };
  if (send.kind === "REQUEST") {
    const state = statement(
      `SELECT ca.status AS status FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId
       WHERE c.workspaceId = ? AND c.companyId = ? AND ca.appId = ?`,
    ).get(send.workspaceId, send.companyId, send.appId) as { status: string } | undefined;
    if (!state || state.status === "UNINSTALLED") return { skip: "uninstalled" };
    const tz = send.app.workspace.timeZone;
    if (isQuiet(localHour(now, tz), o.quietFrom, o.quietTo))
      return { later: nextSendTime(now, tz, o.quietFrom, o.quietTo) };
  }
  const sentLastHour = statement(
    "SELECT COUNT(*) AS n FROM OutreachSend WHERE workspaceId = ? AND status = 'SENT' AND sentAt > ?",
  ).get(send.workspaceId, iso(now - 3_600_000)) as { n: number };
  if (sentLastHour.n >= HOURLY_LIMIT) return { later: now + 10 * 60_000 };
  return null;
}

async function deliver(
  mailer: Transporter,
  worker: string,
  id: string,
  now: number,
): Promise<"SENT" | "SKIPPED" | "LATER" | "FAILED"> {
  const send = await loadSend(id);
  if (!send || send.claimedBy !== worker) return "LATER";
  const held = hold(send, now);
  if (held && "skip" in held) {
    await settle(send, worker, { status: "SKIPPED", reason: SKIP_LABELS[held.skip] });
    return "SKIPPED";
  }
  if (held) {
    await settle(send, worker, { status: "PENDING", dueAt: new Date(held.later) });
    return "LATER";
  }
  const o = send.app.outreach!;
  const company =
    (
      await db.customer.findUnique({
        where: { workspaceId_companyId: { workspaceId: send.workspaceId, companyId: send.companyId } },
        select: { companyName: true },
      })
    )?.companyName ?? null;
  const sender = o.senderName || send.app.workspace.name;
  const recipient = { name: send.name, company };
  const secret = env().AUTH_SECRET;
  const unsubscribeUrl = `${base()}/unsubscribe/customer/${optOutToken(send.workspaceId, send.email!, secret)}`;
  const message =
    send.kind === "REQUEST"
      ? requestEmail({
          subject: o.requestSubject,
          body: o.requestBody,
          app: send.app.name,
          sender,
          recipient,
          reviewUrl: `${reviewLinkUrl(o.linkCode)}?m=${openToken(send.id, secret)}`,
          unsubscribeUrl,
        })
      : surveyEmail({
          app: send.app.name,
          sender,
          recipient,
          surveyUrl: `${base()}/survey/${surveyToken(send.id, now + SURVEY_DAYS * DAY, secret)}`,
          unsubscribeUrl,
        });
  try {
    await mailer.sendMail({
      from: fromOf(sender),
      to: send.name ? { name: send.name.replace(/[\r\n]+/g, " "), address: send.email! } : send.email!,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
      },
    });
  } catch (error) {
    const attempts = send.attempts + 1;
    const reason = `The mail server refused it: ${error instanceof Error ? error.message.slice(0, 200) : "no answer"}`;
    log().warn({ err: error, sendId: send.id }, "An outreach email could not be sent");
    await settle(send, worker, {
      attempts,
      reason,
      status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
      dueAt: new Date(now + 2 ** attempts * 60_000),
    });
    return "FAILED";
  }
  await settle(send, worker, { status: "SENT", sentAt: new Date(now), reason: null, attempts: send.attempts + 1 });
  await audit({
    workspaceId: send.workspaceId,
    actor: { id: null, name: "Listing Studio" },
    action: send.kind === "REQUEST" ? "outreach.request_sent" : "outreach.survey_sent",
    targetType: "customer",
    targetId: null,
    targetName: `Company ${send.companyId}`,
    diff: { app: send.app.name },
  });
  return "SENT";
}

/** One round: plan, then send what is due (at most `limit`). Without SMTP nothing is planned or sent. */
export async function runOutreachRound({
  now = Date.now(),
  worker = `o-${process.pid}-${randomBytes(3).toString("hex")}`,
  limit = 20,
}: { now?: number; worker?: string; limit?: number } = {}) {
  const mailer = mailTransport();
  const counts = { planned: 0, sent: 0, skipped: 0, later: 0, failed: 0 };
  if (!mailer) return counts;
  counts.planned = (await planRequests(now)) + (await planSurveys(now));
  for (const id of claimSends(worker, now, limit)) {
    const result = await deliver(mailer, worker, id, now);
    if (result === "SENT") counts.sent++;
    else if (result === "SKIPPED") counts.skipped++;
    else if (result === "LATER") counts.later++;
    else counts.failed++;
  }
  return counts;
}

type Loop = { timer: NodeJS.Timeout | null; running: boolean };
const loop: Loop = ((globalThis as unknown as { __outreachLoop?: Loop }).__outreachLoop ??= {
  timer: null,
  running: false,
});

export function startOutreachWorker(intervalMs = env().OUTREACH_INTERVAL_MS) {
  if (loop.timer || !env().SMTP_URL) return;
  loop.timer = setInterval(() => {
    if (loop.running) return;
    loop.running = true;
    runOutreachRound()
      .catch((error: unknown) => log().error({ err: error }, "Outreach round failed"))
      .finally(() => (loop.running = false));
  }, intervalMs);
  loop.timer.unref();
}
