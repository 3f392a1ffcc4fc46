import "server-only";
import { randomBytes } from "node:crypto";
import { actorOf, audit } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError, notFound, problemsOf } from "@/lib/errors";
import { env } from "@/lib/server/env";
import { authorize } from "@/lib/team/permissions";
import { DEFAULT_BODY, DEFAULT_QUIET, DEFAULT_REASONS, DEFAULT_REQUEST_DAYS, DEFAULT_SUBJECT } from "./defaults";
import { requestSettingsSchema, surveySettingsSchema } from "./schema";
import type { OutreachSettings, Reason } from "./types";

/** An app's outreach settings: read (made with the defaults the first time), and saved by an editor. */

const CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A review link's code: 10 characters of 56, about 58 bits — short to type, not worth guessing (it opens a public page). */
const newCode = () => Array.from(randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");

export const parseReasons = (raw: string): Reason[] => {
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value)
      ? value.filter(
          (r): r is Reason => typeof r?.id === "string" && typeof r?.label === "string" && r.label.length > 0,
        )
      : [];
  } catch {
    return [];
  }
};

/** The app's row, created with the defaults on first use (two first uses at once make one row). */
export async function outreachRow(appId: string) {
  const found = await db.appOutreach.findUnique({ where: { appId } });
  if (found) return found;
  try {
    return await db.appOutreach.create({
      data: {
        appId,
        requestDays: DEFAULT_REQUEST_DAYS,
        requestSubject: DEFAULT_SUBJECT,
        requestBody: DEFAULT_BODY,
        quietFrom: DEFAULT_QUIET.from,
        quietTo: DEFAULT_QUIET.to,
        surveyReasons: JSON.stringify(DEFAULT_REASONS),
        linkCode: newCode(),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return db.appOutreach.findUniqueOrThrow({ where: { appId } });
    throw error;
  }
}

const appOf = async (member: Member, appId: unknown) => {
  if (typeof appId !== "string" || appId.length > 64) throw notFound("App");
  const app = await db.app.findFirst({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { id: true, name: true, type: true },
  });
  if (!app) throw notFound("App");
  return app;
};

export const reviewLinkUrl = (code: string) => `${env().AUTH_URL.replace(/\/+$/, "")}/r/${code}`;

export async function getOutreachSettings(member: Member, appId: unknown): Promise<OutreachSettings> {
  const app = await appOf(member, appId);
  const row = await outreachRow(app.id);
  return {
    appId: app.id,
    appName: app.name,
    workspaceName: member.workspace.name,
    timeZone: (await db.workspace.findUniqueOrThrow({ where: { id: member.workspace.id }, select: { timeZone: true } }))
      .timeZone,
    emailOn: Boolean(env().SMTP_URL),
    reviewLink: reviewLinkUrl(row.linkCode),
    requests: {
      requestsOn: row.requestsOn,
      requestsSince: row.requestsSince?.toISOString() ?? null,
      requestDays: row.requestDays,
      askExisting: row.askExisting,
      senderName: row.senderName ?? "",
      requestSubject: row.requestSubject,
      requestBody: row.requestBody,
      quietFrom: row.quietFrom,
      quietTo: row.quietTo,
    },
    survey: {
      surveyOn: row.surveyOn,
      surveySince: row.surveySince?.toISOString() ?? null,
      reasons: parseReasons(row.surveyReasons),
    },
  };
}

const invalid = (error: Parameters<typeof problemsOf>[0]) =>
  new AppError("VALIDATION", "Check the highlighted fields", problemsOf(error));

export async function saveRequestSettings(member: Member, appId: unknown, input: unknown, now = new Date()) {
  authorize(member, "outreach.edit");
  const app = await appOf(member, appId);
  const parsed = requestSettingsSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const before = await outreachRow(app.id);
  const v = parsed.data;
  const turnedOn = v.requestsOn && !before.requestsOn;
  await db.appOutreach.update({
    where: { appId: app.id },
    data: {
      requestsOn: v.requestsOn,
      requestsSince: turnedOn ? now : before.requestsSince,
      requestDays: v.requestDays,
      askExisting: v.askExisting,
      senderName: v.senderName || null,
      requestSubject: v.requestSubject,
      requestBody: v.requestBody,
      quietFrom: v.quietFrom,
      quietTo: v.quietTo,
    },
  });
  const diff: Record<string, unknown> = {};
  for (const key of ["requestsOn", "requestDays", "askExisting", "quietFrom", "quietTo"] as const)
    if (before[key] !== v[key]) diff[key] = [before[key], v[key]];
  if (before.requestSubject !== v.requestSubject || before.requestBody !== v.requestBody) diff.text = "edited";
  if ((before.senderName ?? "") !== v.senderName) diff.senderName = [before.senderName ?? "", v.senderName];
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "outreach.requests",
    targetType: "app",
    targetId: app.id,
    targetName: app.name,
    diff,
  });
}

/** Reasons keep their id when reworded (their answers stay theirs); a new reason gets one from its words. */
function withIds(reasons: { id?: string; label: string }[], existing: Reason[]): Reason[] {
  const known = new Set(existing.map((r) => r.id));
  const used = new Set<string>();
  return reasons.map((r) => {
    let id = r.id && known.has(r.id) && !used.has(r.id) ? r.id : "";
    if (!id) {
      const base =
        r.label
          .normalize("NFKD")
          .replace(/\p{M}/gu, "")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 30) || "reason";
      id = base;
      for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    }
    used.add(id);
    return { id, label: r.label.trim() };
  });
}

export async function saveSurveySettings(member: Member, appId: unknown, input: unknown, now = new Date()) {
  authorize(member, "outreach.edit");
  const app = await appOf(member, appId);
  const parsed = surveySettingsSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const before = await outreachRow(app.id);
  const reasons = withIds(parsed.data.reasons, parseReasons(before.surveyReasons));
  await db.appOutreach.update({
    where: { appId: app.id },
    data: {
      surveyOn: parsed.data.surveyOn,
      surveySince: parsed.data.surveyOn && !before.surveyOn ? now : before.surveySince,
      surveyReasons: JSON.stringify(reasons),
    },
  });
  const diff: Record<string, unknown> = {};
  if (before.surveyOn !== parsed.data.surveyOn) diff.surveyOn = [before.surveyOn, parsed.data.surveyOn];
  if (before.surveyReasons !== JSON.stringify(reasons))
    diff.reasons = [parseReasons(before.surveyReasons).map((r) => r.label), reasons.map((r) => r.label)];
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "outreach.survey",
    targetType: "app",
    targetId: app.id,
    targetName: app.name,
    diff,
  });
}
