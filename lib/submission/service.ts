import "server-only";
import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { notifySafely } from "@/lib/notifications/notify";
import { listedType } from "@/lib/app-types";
import { getApp } from "@/lib/apps/service";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { getDraft } from "@/lib/listing/drafts";
import { FIELDS } from "@/lib/listing/fields";
import { checkReadiness } from "@/lib/listing/readiness";
import { draftOf, listingDraftSchema, type ListingDraft, type ListingField } from "@/lib/listing/schema";
import { recordVersion } from "@/lib/listing/versions";
import { iconVisibility } from "@/lib/media/assets";
import { authorize } from "@/lib/team/permissions";
import { changesActionSchema, feedbackSchema, statusChangeSchema } from "./schema";
import { auditBy } from "@/lib/audit/log";
import {
  availableTransitions,
  businessDaysElapsed,
  changesActions,
  isApproved,
  pendingCriticalChanges,
  REVIEW_WINDOW_BUSINESS_DAYS,
  reviewDeadline,
  type ListedAppType,
  type ChangesAction,
  type Transition,
} from "./workflow";
import { plural } from "@/lib/words";
import { localDay } from "@/lib/days";
import { dayOf, dayStart, longDay, recordedDay } from "./dates";

/** The app, when its type has a listing to submit (an API-token integration does not). */
async function listedApp(member: Member, appId: string) {
  const app = await getApp(member, appId);
  return { ...app, type: listedType(app) };
}

export type TimelineEvent = {
  id: string;
  kind: "STATUS" | "CHANGES";
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  versionNumber: number | null;
  actor: string | null;
  /** The day it happened at Pipedrive (UTC midnight of that day). */
  occurredAt: string;
  /** When it was recorded here. */
  createdAt: string;
};

export type FeedbackView = {
  id: string;
  field: ListingField;
  fieldLabel: string;
  message: string;
  createdAt: string;
  createdBy: string | null;
};

export type SubmissionState = {
  type: ListedAppType;
  status: string;
  transitions: Transition[];
  readinessErrors: number;
  pending: {
    fields: { field: ListingField; label: string }[];
    status: string | null;
    actions: ChangesAction[];
    approvedVersion: number | null;
  };
  review: { startedAt: string; elapsed: number; window: number; deadline: string } | null;
  timeline: TimelineEvent[];
  feedback: FeedbackView[];
  /** Bounds of the day a next step can be recorded for: today (the workspace's) and the previous step's day. */
  dates: { today: string; previous: string | null };
};

/** Today in the workspace's time zone: the latest day a step can be recorded for. */
async function workspaceToday(member: Member, now = new Date()) {
  const { timeZone } = await db.workspace.findUniqueOrThrow({
    where: { id: member.workspace.id },
    select: { timeZone: true },
  });
  return localDay(now, timeZone);
}

/** The day of an app's latest recorded step: the earliest day the next one can be recorded for. */
async function previousStepDay(appId: string) {
  const last = await db.appEvent.findFirst({
    where: { appId },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
    select: { occurredAt: true },
  });
  return last ? dayOf(last.occurredAt) : null;
}

async function stepDay(member: Member, appId: string, input: string | undefined) {
  return dayStart(recordedDay(input, { today: await workspaceToday(member), previous: await previousStepDay(appId) }));
}

async function names(ids: (string | null)[]) {
  const users = await db.user.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function readinessErrors(member: Member, appId: string, kind: "PUBLIC" | "PRIVATE") {
  const [draft, icons] = await Promise.all([getDraft(member, appId), iconVisibility(member, appId)]);
  return { draft: draft.data, errors: checkReadiness(draft.data, { kind, icons }).errors };
}

async function approvedListing(versionId: string | null) {
  if (!versionId) return null;
  const version = await db.listingVersion.findUnique({ where: { id: versionId } });
  return version ? { number: version.number, data: listingDraftSchema.parse(JSON.parse(version.data)) } : null;
}

export async function submissionState(member: Member, appId: string, now = new Date()): Promise<SubmissionState> {
  const app = await listedApp(member, appId);
  const row = await db.app.findUniqueOrThrow({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { approvedVersionId: true, changesStatus: true, reviewStartedAt: true },
  });
  const [{ draft, errors }, approved, events, feedback] = await Promise.all([
    readinessErrors(member, appId, app.type),
    approvedListing(row.approvedVersionId),
    db.appEvent.findMany({
      where: { appId, app: { workspaceId: member.workspace.id } },
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
    }),
    db.reviewFeedback.findMany({
      where: { appId, app: { workspaceId: member.workspace.id }, resolvedAt: null },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const versionNumbers = new Map(
    (
      await db.listingVersion.findMany({
        where: { id: { in: events.map((e) => e.versionId).filter((v): v is string => v !== null) } },
        select: { id: true, number: true },
      })
    ).map((v) => [v.id, v.number]),
  );
  const who = await names([...events.map((e) => e.actorId), ...feedback.map((f) => f.createdById)]);
  const pendingFields = isApproved(app.status) && approved ? pendingCriticalChanges(approved.data, draft) : [];
  const inReview = app.status === "IN_REVIEW" || row.changesStatus === "IN_REVIEW";
  return {
    type: app.type,
    status: app.status,
    transitions: availableTransitions(app.type, app.status),
    readinessErrors: errors,
    pending: {
      fields: pendingFields.map((field) => ({ field, label: FIELDS[field].label })),
      status: row.changesStatus,
      actions: isApproved(app.status) ? changesActions(row.changesStatus, pendingFields.length) : [],
      approvedVersion: approved?.number ?? null,
    },
    review:
      inReview && row.reviewStartedAt
        ? {
            startedAt: row.reviewStartedAt.toISOString(),
            elapsed: businessDaysElapsed(row.reviewStartedAt, now),
            window: REVIEW_WINDOW_BUSINESS_DAYS,
            deadline: reviewDeadline(row.reviewStartedAt).toISOString(),
          }
        : null,
    dates: { today: await workspaceToday(member, now), previous: events[0] ? dayOf(events[0].occurredAt) : null },
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind as TimelineEvent["kind"],
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      versionNumber: e.versionId ? (versionNumbers.get(e.versionId) ?? null) : null,
      actor: e.actorId ? (who.get(e.actorId) ?? null) : null,
      occurredAt: e.occurredAt.toISOString(),
      createdAt: e.createdAt.toISOString(),
    })),
    feedback: feedback.map((f) => toFeedbackView(f, who)),
  };
}

function toFeedbackView(
  f: { id: string; field: string; message: string; createdAt: Date; createdById: string | null },
  who: Map<string, string>,
): FeedbackView {
  const field = f.field as ListingField;
  return {
    id: f.id,
    field,
    fieldLabel: FIELDS[field]?.label ?? f.field,
    message: f.message,
    createdAt: f.createdAt.toISOString(),
    createdBy: f.createdById ? (who.get(f.createdById) ?? null) : null,
  };
}

/** Records a submission made in Developer Hub: zero readiness errors, and a version snapshot of what was submitted. */
async function submitSnapshot(member: Member, appId: string, label: string) {
  const { draft, errors } = await readinessErrors(member, appId, (await listedApp(member, appId)).type);
  if (errors > 0) {
    throw new AppError(
      "VALIDATION",
      `Fix the ${plural(errors, "readiness error", "readiness errors")} before submitting for review`,
    );
  }
  return recordVersion(appId, draft, label, "SUBMISSION", member.user.id);
}

const lastSubmission = (appId: string, kind: "STATUS" | "CHANGES") =>
  db.appEvent.findFirst({
    where: { appId, kind, toStatus: "IN_REVIEW", versionId: { not: null } },
    orderBy: { createdAt: "desc" },
  });

export type FrozenSubmission = {
  kind: "listing" | "changes";
  versionNumber: number;
  /** The day it was submitted (UTC midnight). */
  submittedOn: string;
  elapsed: number;
  window: number;
  /** The listing as submitted. */
  data: ListingDraft;
};

/**
 * While the app (or its pending changes) is in review, the listing as submitted: it stays frozen in
 * Versions, and edits go to the next submission. Null when nothing is in review.
 */
export async function frozenSubmission(
  member: Member,
  appId: string,
  now = new Date(),
): Promise<FrozenSubmission | null> {
  const app = await listedApp(member, appId);
  const row = await db.app.findUniqueOrThrow({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { changesStatus: true, reviewStartedAt: true },
  });
  const kind = app.status === "IN_REVIEW" ? "listing" : row.changesStatus === "IN_REVIEW" ? "changes" : null;
  if (!kind || !row.reviewStartedAt) return null;
  const event = await lastSubmission(appId, kind === "listing" ? "STATUS" : "CHANGES");
  const version = event?.versionId ? await db.listingVersion.findUnique({ where: { id: event.versionId } }) : null;
  if (!version) return null;
  return {
    kind,
    versionNumber: version.number,
    submittedOn: row.reviewStartedAt.toISOString(),
    elapsed: businessDaysElapsed(row.reviewStartedAt, now),
    window: REVIEW_WINDOW_BUSINESS_DAYS,
    data: draftOf(JSON.parse(version.data)),
  };
}

export async function changeStatus(member: Member, appId: string, input: unknown) {
  authorize(member, "submission.change-status");
  const app = await listedApp(member, appId);
  const { transition: id, note, date } = statusChangeSchema.parse(input);
  const transition = availableTransitions(app.type, app.status).find((t) => t.id === id);
  if (!transition)
    throw new AppError(
      "CONFLICT",
      `This app is ${app.status.toLowerCase().replace("_", " ")}: that change is not possible now`,
    );
  if (transition.needsNote && !note)
    throw new AppError("VALIDATION", "Add the reviewer's reasons", { note: "Add the reviewer's reasons" });
  const occurredAt = await stepDay(member, appId, date);

  const version = transition.submits
    ? await submitSnapshot(member, appId, `Submitted to Pipedrive on ${longDay(dayOf(occurredAt))}`)
    : null;
  const data: {
    status: string;
    reviewStartedAt?: Date | null;
    approvedVersionId?: string | null;
    changesStatus?: null;
  } = { status: transition.to };
  // Pipedrive's 21 business days count from the day the listing was submitted.
  if (transition.submits) data.reviewStartedAt = occurredAt;
  if (transition.from.includes("IN_REVIEW")) data.reviewStartedAt = null;
  if (id === "approve") {
    data.approvedVersionId = (await lastSubmission(appId, "STATUS"))?.versionId ?? null;
    data.changesStatus = null;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.app.updateMany({
      where: { id: appId, workspaceId: member.workspace.id, status: app.status },
      data,
    });
    if (count === 0)
      throw new AppError("CONFLICT", "Someone changed this app's status at the same time; reload to see it");
    await tx.appEvent.create({
      data: {
        appId,
        kind: "STATUS",
        fromStatus: app.status,
        toStatus: transition.to,
        note: note || null,
        versionId: version?.id ?? null,
        actorId: member.user.id,
        occurredAt,
      },
    });
  });
  await auditBy(
    member,
    "app.status",
    { type: "app", id: appId, name: app.name },
    { status: [app.status, transition.to], on: dayOf(occurredAt), ...(note ? { note } : {}) },
  );
  await notifySafely(member.workspace.id, {
    kind: "SUBMISSION",
    title: `${app.name}: ${APP_STATUS_LABELS[app.status] ?? app.status} → ${APP_STATUS_LABELS[transition.to] ?? transition.to}`,
    body: note ? `${member.user.name}: ${note}` : `Recorded by ${member.user.name}`,
    link: `/apps/${appId}/submission`,
  });
}

/** Pending changes of critical fields after approval: sent to review, then approved (merged) or rejected. */
export async function actOnPendingChanges(member: Member, appId: string, input: unknown) {
  authorize(member, "submission.send-changes");
  const { action, note, date } = changesActionSchema.parse(input);
  const state = await submissionState(member, appId);
  if (!state.pending.actions.includes(action))
    throw new AppError("CONFLICT", "That is not possible for the pending changes now");
  if (action === "reject-changes" && !note)
    throw new AppError("VALIDATION", "Add the reviewer's reasons", { note: "Add the reviewer's reasons" });
  const occurredAt = await stepDay(member, appId, date);

  let data: { changesStatus: string | null; reviewStartedAt: Date | null; approvedVersionId?: string | null };
  let versionId: string | null = null;
  let to: string;
  if (action === "submit-changes") {
    versionId = (await submitSnapshot(member, appId, `Changes submitted to Pipedrive on ${longDay(dayOf(occurredAt))}`))
      .id;
    data = { changesStatus: "IN_REVIEW", reviewStartedAt: occurredAt };
    to = "IN_REVIEW";
  } else if (action === "approve-changes") {
    data = {
      changesStatus: null,
      reviewStartedAt: null,
      approvedVersionId: (await lastSubmission(appId, "CHANGES"))?.versionId ?? null,
    };
    to = "APPROVED";
  } else {
    data = { changesStatus: "REJECTED", reviewStartedAt: null };
    to = "REJECTED";
  }
  await db.$transaction([
    db.app.update({ where: { id: appId, workspaceId: member.workspace.id }, data }),
    db.appEvent.create({
      data: {
        appId,
        kind: "CHANGES",
        fromStatus: state.pending.status,
        toStatus: to,
        note: note || null,
        versionId,
        actorId: member.user.id,
        occurredAt,
      },
    }),
  ]);
  await auditBy(
    member,
    "app.changes",
    { type: "app", id: appId },
    { changes: [state.pending.status, to], on: dayOf(occurredAt), ...(note ? { note } : {}) },
  );
}

export async function addFeedback(member: Member, appId: string, input: unknown): Promise<FeedbackView> {
  authorize(member, "submission.add-feedback");
  await listedApp(member, appId);
  const { field, message } = feedbackSchema.parse(input);
  const row = await db.reviewFeedback.create({ data: { appId, field, message, createdById: member.user.id } });
  await auditBy(member, "feedback.add", { type: "app", id: appId }, { field });
  return toFeedbackView(row, new Map([[member.user.id, member.user.name]]));
}

export async function listOpenFeedback(member: Member, appId: string): Promise<FeedbackView[]> {
  await listedApp(member, appId);
  const rows = await db.reviewFeedback.findMany({
    where: { appId, app: { workspaceId: member.workspace.id }, resolvedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const who = await names(rows.map((f) => f.createdById));
  return rows.map((f) => toFeedbackView(f, who));
}

export async function resolveFeedback(member: Member, appId: string, feedbackId: unknown) {
  authorize(member, "submission.resolve-feedback");
  await listedApp(member, appId);
  if (typeof feedbackId !== "string") throw notFound("Feedback");
  const { count } = await db.reviewFeedback.updateMany({
    where: { id: feedbackId, appId, app: { workspaceId: member.workspace.id }, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: member.user.id },
  });
  if (count === 0) throw notFound("Feedback");
  await auditBy(member, "feedback.resolve", { type: "app", id: appId }, { feedback: feedbackId });
}
