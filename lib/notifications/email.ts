import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { AppError } from "@/lib/errors";
import { takeRateLimit } from "@/lib/http/rate-limit";
import { plainLine } from "@/lib/text/outside-text";
import { buildEmail, type EmailItem } from "./digest";
import { IMMEDIATE, type NotificationKind } from "./kinds";
import { unsubscribeToken } from "./unsubscribe-token";

/** A digest goes out once the oldest waiting notification is this old. */
export const DIGEST_AFTER_MS = 24 * 60 * 60_000;

const state = ((
  globalThis as unknown as {
    __email?: { transport: Transporter | null; url: string | null; timer: NodeJS.Timeout | null; running: boolean };
  }
).__email ??= {
  transport: null,
  url: null,
  timer: null,
  running: false,
});

export function mailTransport(): Transporter | null {
  const url = env().SMTP_URL ?? null;
  if (!url) return null;
  if (state.url !== url) {
    state.transport?.close();
    state.transport = createTransport(url);
    state.url = url;
  }
  return state.transport;
}

const unsubscribeUrl = (userId: string, kind: NotificationKind) =>
  `${env().AUTH_URL.replace(/\/+$/, "")}/unsubscribe/${unsubscribeToken(userId, kind, env().AUTH_SECRET)}`;

type Pending = Awaited<ReturnType<typeof pendingRows>>[number];
const pendingRows = () =>
  db.notification.findMany({
    where: { emailState: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: {
      user: { select: { email: true, notificationPreferences: true } },
      workspace: { select: { name: true } },
    },
  });

/** Sends one email for these notifications of one person, once they are claimed (so two workers never send twice). */
async function send(mailer: Transporter, rows: Pending[], now: Date): Promise<boolean> {
  const ids = rows.map((r) => r.id);
  const claimed = await db.notification.updateMany({
    where: { id: { in: ids }, emailState: "PENDING" },
    data: { emailState: "SENDING" },
  });
  if (claimed.count !== ids.length) {
    await db.notification.updateMany({
      where: { id: { in: ids }, emailState: "SENDING" },
      data: { emailState: "PENDING" },
    });
    return false;
  }
  const first = rows[0]!;
  const items: EmailItem[] = rows.map((r) => ({
    kind: r.kind as NotificationKind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt,
  }));
  const message = buildEmail(items, {
    workspace: first.workspace.name,
    appUrl: env().AUTH_URL,
    unsubscribeUrl: (kind) => unsubscribeUrl(first.userId, kind),
  });
  try {
    await mailer.sendMail({
      from: env().EMAIL_FROM,
      to: first.user.email!,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: {
        "List-Unsubscribe": `<${message.unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    await db.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: "SENT", emailedAt: now } });
    return true;
  } catch (error) {
    log().warn({ err: error }, "A notification email could not be sent; it is retried");
    await db.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: "PENDING" } });
    return false;
  }
}

/**
 * Emails what is waiting: each alert at once, and per person and workspace one digest of the other
 * kinds once the oldest has waited a day (`digestNow` sends them all now). A kind the person turned
 * off by email since is skipped, never sent.
 */
export async function sendPendingEmails({
  now = new Date(),
  digestNow = false,
}: { now?: Date; digestNow?: boolean } = {}) {
  const mailer = mailTransport();
  if (!mailer) return { sent: 0, skipped: 0 };
  const rows = await pendingRows();
  let sent = 0;
  let skipped = 0;
  const wanted = (r: Pending) =>
    Boolean(r.user.email) && (r.user.notificationPreferences.find((p) => p.kind === r.kind)?.email ?? true);
  const unwanted = rows.filter((r) => !wanted(r));
  if (unwanted.length) {
    await db.notification.updateMany({
      where: { id: { in: unwanted.map((r) => r.id) }, emailState: "PENDING" },
      data: { emailState: "SKIPPED" },
    });
    skipped += unwanted.length;
  }
  const live = rows.filter(wanted);
  for (const alert of live.filter((r) => IMMEDIATE.has(r.kind as NotificationKind)))
    if (await send(mailer, [alert], now)) sent++;
  const groups = new Map<string, Pending[]>();
  for (const r of live.filter((r) => !IMMEDIATE.has(r.kind as NotificationKind))) {
    const key = `${r.userId}:${r.workspaceId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const due = digestNow || now.getTime() - group[0]!.createdAt.getTime() >= DIGEST_AFTER_MS;
    if (due && (await send(mailer, group, now))) sent++;
  }
  return { sent, skipped };
}

export function startEmailWorker(intervalMs = 5_000) {
  if (state.timer || !env().SMTP_URL) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    sendPendingEmails()
      .catch((error: unknown) => log().error({ err: error }, "Email round failed"))
      .finally(() => (state.running = false));
  }, intervalMs);
  state.timer.unref();
}

/**
 * "Send a test email": one message to the member's own address through the operator's SMTP, sent
 * now (not queued), so the answer is SMTP's own — the server's reply, or why it refused.
 */
export async function sendTestEmail(member: {
  user: { id: string };
  workspace: { name: string };
}): Promise<{ to: string; answer: string }> {
  const mailer = mailTransport();
  if (!mailer) throw new AppError("CONFLICT", "Email is off: the operator has not set SMTP_URL (docs/operations.md)");
  const user = await db.user.findUniqueOrThrow({ where: { id: member.user.id }, select: { email: true } });
  if (!user.email)
    throw new AppError("VALIDATION", "Your Pipedrive profile has no email address, so no email can reach you");
  const verdict = await takeRateLimit("testemail", `user:${member.user.id}`);
  if (!verdict.ok)
    throw new AppError("RATE_LIMITED", `Too many test emails: try again in ${verdict.retryAfterSeconds} s`);
  try {
    const info = await mailer.sendMail({
      from: env().EMAIL_FROM,
      to: user.email,
      subject: `Test email from Listing Studio (${plainLine(member.workspace.name)})`,
      text: `This is a test from Listing Studio. Alerts and notifications of ${plainLine(member.workspace.name)} that you chose to get by email reach you at this address.`,
    });
    return { to: user.email, answer: String(info.response ?? "accepted") };
  } catch (error) {
    log().warn({ err: error }, "A test email could not be sent");
    throw new AppError(
      "BAD_GATEWAY",
      `The mail server refused the test email: ${error instanceof Error ? error.message : "no answer"}`,
    );
  }
}
