import "server-only";
import { audit } from "@/lib/audit/log";
import { raiseAlert } from "@/lib/alerts/alerts";
import { db, isUniqueViolation } from "@/lib/db";
import { statement } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { localDay } from "@/lib/days";
import { listingUrlOf } from "@/lib/marketplace/listing-url";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { plainLine } from "@/lib/text/outside-text";
import { confirmForm, messagePage, surveyForm } from "./page-html";
import { surveyAnswerSchema } from "./schema";
import { parseReasons } from "./settings";
import { readOpenToken, readOptOutToken, readSurveyToken } from "./tokens";

/**
 * What the public outreach links answer, no sign-in: the review link (a redirect to the listing's reviews that
 * counts the open, by day, with nothing about the person), the uninstall survey, and the unsubscribe.
 */

type Page = { status: number; html: string };

const CODE = /^[A-Za-z0-9]{6,16}$/;

/** The listing's reviews for a review link's code, counting this open (unless `count` is false: over the rate limit). */
export async function openReviewLink(
  code: string,
  openToken: string | null,
  { count, now = Date.now() }: { count: boolean; now?: number },
): Promise<{ location: string } | Page> {
  const row = CODE.test(code)
    ? await db.appOutreach.findUnique({
        where: { linkCode: code },
        select: {
          appId: true,
          app: { select: { name: true, clientId: true, listingUrl: true, workspace: { select: { timeZone: true } } } },
        },
      })
    : null;
  if (!row)
    return {
      status: 404,
      html: messagePage("This link does not work", "The review link is incomplete or no longer exists."),
    };
  if (count) {
    const sendId = openToken ? readOpenToken(openToken, env().AUTH_SECRET) : null;
    // An open from a request email: the first one marks the request opened; others count as any open.
    const opened = sendId
      ? statement(
          "UPDATE OutreachSend SET openedAt = ? WHERE id = ? AND appId = ? AND kind = 'REQUEST' AND openedAt IS NULL",
        ).run(sqliteTime(now), sendId, row.appId).changes > 0
      : false;
    statement(
      `INSERT INTO ReviewLinkDaily (appId, day, clicks, fromEmail) VALUES (?, ?, 1, ?)
       ON CONFLICT (appId, day) DO UPDATE SET clicks = clicks + 1, fromEmail = fromEmail + excluded.fromEmail`,
    ).run(row.appId, localDay(now, row.app.workspace.timeZone), opened ? 1 : 0);
  }
  return { location: `${listingUrlOf(row.app, env().MARKETPLACE_URL)}#user-reviews` };
}

const ANSWERED = { status: 200, html: messagePage("You have answered already", "Thank you: your answer was kept.") };

const SURVEY_GONE = {
  status: 404,
  html: messagePage(
    "This survey link does not work",
    "The link is incomplete or no longer valid. Thank you for wanting to answer.",
  ),
};

async function surveySend(token: string, now: number) {
  const read = readSurveyToken(token, env().AUTH_SECRET, now);
  if (!read.ok) return read;
  const send = await db.outreachSend.findFirst({
    where: { id: read.sendId, kind: "SURVEY", status: "SENT" },
    include: {
      answer: { select: { id: true } },
      app: { select: { id: true, name: true, workspace: { select: { name: true } }, outreach: true } },
    },
  });
  return send ? { ok: true as const, send } : { ok: false as const, reason: "forged" as const };
}

/** The survey: the question (GET), the answer (POST: kept once, then thanks), or why the link does not work. */
export async function surveyPage(
  token: string,
  request: { method: "GET" | "POST"; path: string; form?: { reason?: string; text?: string } },
  now = Date.now(),
): Promise<Page> {
  const found = await surveySend(token, now);
  if (!found.ok)
    return found.reason === "expired"
      ? {
          status: 410,
          html: messagePage(
            "This survey has closed",
            "Survey links work for 30 days. Thank you for wanting to answer.",
          ),
        }
      : SURVEY_GONE;
  const { send } = found;
  if (send.answer) return ANSWERED;
  const sender = plainLine(send.app.outreach?.senderName || send.app.workspace.name);
  const reasons = parseReasons(send.app.outreach?.surveyReasons ?? "[]");
  const view = { action: request.path, app: plainLine(send.app.name), sender, reasons };
  if (request.method === "GET") return { status: 200, html: surveyForm(view) };
  const parsed = surveyAnswerSchema.safeParse(request.form ?? {});
  const known = parsed.success && (!parsed.data.reason || reasons.some((r) => r.id === parsed.data.reason));
  if (!parsed.success || !known)
    return {
      status: 422,
      html: surveyForm({
        ...view,
        chosen: request.form?.reason,
        text: request.form?.text,
        error: !parsed.success ? parsed.error.issues[0]!.message : "Choose one of the reasons shown",
      }),
    };
  const reason = reasons.find((r) => r.id === parsed.data.reason) ?? null;
  const text = parsed.data.text ? parsed.data.text.replace(/\r\n?/g, "\n") : null;
  try {
    await db.surveyAnswer.create({
      data: {
        sendId: send.id,
        workspaceId: send.workspaceId,
        appId: send.appId,
        companyId: send.companyId,
        reason: reason?.id ?? null,
        reasonLabel: reason?.label ?? null,
        text,
        answeredAt: new Date(now),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return ANSWERED;
    throw error;
  }
  const company = await db.customer.findUnique({
    where: { workspaceId_companyId: { workspaceId: send.workspaceId, companyId: send.companyId } },
    select: { companyName: true },
  });
  await audit({
    workspaceId: send.workspaceId,
    actor: { id: null, name: "Uninstall survey" },
    action: "outreach.answer",
    targetType: "customer",
    targetName: `Company ${send.companyId}`,
    diff: { app: send.app.name, reason: reason?.label ?? null },
  });
  await raiseAlert({
    appId: send.appId,
    key: `survey:${send.id}`,
    data: {
      type: "UNINSTALL_REASON",
      company: company?.companyName ?? `Company ${send.companyId}`,
      reason: reason?.label ?? null,
      text,
    },
    now: new Date(now),
  }).catch((error: unknown) => log().error({ err: error }, "The alert for a survey answer failed"));
  return { status: 200, html: messagePage("Thank you", `Your answer reached ${sender}.`) };
}

/** A customer's unsubscribe from all of a workspace's review requests and surveys: asked (GET), done (POST). */
export async function optOutPage(token: string, method: "GET" | "POST", path: string): Promise<Page> {
  const read = readOptOutToken(token, env().AUTH_SECRET);
  const workspace = read
    ? await db.workspace.findUnique({ where: { id: read.workspaceId }, select: { id: true, name: true } })
    : null;
  if (!read || !workspace)
    return {
      status: 404,
      html: messagePage("This link does not work", "The unsubscribe link is incomplete or no longer valid."),
    };
  const name = plainLine(workspace.name);
  if (method === "GET")
    return {
      status: 200,
      html: confirmForm({
        action: path,
        title: "Stop these emails?",
        text: `You will get no more review requests or surveys from ${name}, for any of its apps.`,
        button: "Unsubscribe",
      }),
    };
  const inserted = statement(
    "INSERT INTO OutreachOptOut (workspaceId, emailHash, createdAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  ).run(workspace.id, read.emailHash, sqliteTime(Date.now()));
  // Emails already waiting for that address are skipped at their turn (the worker checks before each one).
  if (inserted.changes > 0)
    await audit({
      workspaceId: workspace.id,
      actor: { id: null, name: "A customer" },
      action: "outreach.optout",
      targetType: "address",
      targetName: null,
    });
  return {
    status: 200,
    html: messagePage("You are unsubscribed", `${name} will send you no more review requests or surveys.`),
  };
}
