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
import { SKIP_LABELS } from "./eligibility";
import { optedOut, planRequests, planSurveys } from "./plan";
import { isQuiet, localHour, nextSendTime } from "./quiet-hours";
import { requestEmail, surveyEmail } from "./render";
import { openToken, optOutToken, SURVEY_DAYS, surveyToken } from "./tokens";
import { reviewLinkUrl } from "./settings";

/**
 * The outreach round: plans the emails that are due (./plan.ts), then sends them. A send is claimed before it goes
 * (one UPDATE … RETURNING), so two workers never send one email twice; a claim that lapsed (a worker died mid-send)
 * is never sent again. Sends are throttled per workspace, and every email sent is in the audit trail.
 */
/** Long past any SMTP answer: a claim this old is a worker that died. */
const CLAIM_MS = 15 * 60_000;
/** Emails a workspace sends at most in an hour; the rest wait. */
export const HOURLY_LIMIT = 120;
/** A refused email is tried this often, then shown as failed with the server's answer. */
export const MAX_ATTEMPTS = 5;
const DAY = 86_400_000;

const base = () => env().AUTH_URL.replace(/\/+$/, "");
const iso = (ms: number) => sqliteTime(ms);

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

/** Emails each workspace sent in the last hour, counted once per round and kept up as the round sends. */
type HourCounts = { of: (workspaceId: string) => number; add: (workspaceId: string) => void };
function hourCounts(now: number): HourCounts {
  const counts = new Map<string, number>();
  const of = (workspaceId: string) => {
    if (!counts.has(workspaceId))
      counts.set(
        workspaceId,
        (
          statement("SELECT COUNT(*) AS n FROM OutreachSend WHERE workspaceId = ? AND sentAt > ?").get(
            workspaceId,
            iso(now - 3_600_000),
          ) as { n: number }
        ).n,
      );
    return counts.get(workspaceId)!;
  };
  return { of, add: (workspaceId) => counts.set(workspaceId, of(workspaceId) + 1) };
}

/** What stops a claimed send now: a reason to skip it, a later time to send it, or nothing. */
function hold(
  send: Claimed,
  now: number,
  sentThisHour: number,
): { skip: keyof typeof SKIP_LABELS } | { later: number } | null {
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
  if (sentThisHour >= HOURLY_LIMIT) return { later: now + 10 * 60_000 };
  return null;
}

async function deliver(
  mailer: Transporter,
  worker: string,
  id: string,
  now: number,
  sent: HourCounts,
): Promise<"SENT" | "SKIPPED" | "LATER" | "FAILED"> {
  const send = await loadSend(id);
  if (!send || send.claimedBy !== worker) return "LATER";
  const held = hold(send, now, sent.of(send.workspaceId));
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
  sent.add(send.workspaceId);
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
  const sentThisHour = hourCounts(now);
  for (const id of claimSends(worker, now, limit)) {
    const result = await deliver(mailer, worker, id, now, sentThisHour);
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
