import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { getDraft } from "@/lib/listing/drafts";
import { FIELDS } from "@/lib/listing/fields";
import { checkReadiness } from "@/lib/listing/readiness";
import { draftOf, listingDraftSchema } from "@/lib/listing/schema";
import { iconVisibility } from "@/lib/media/assets";
import {
  availableTransitions,
  businessDaysElapsed,
  changesActions,
  isApproved,
  pendingCriticalChanges,
  REVIEW_WINDOW_BUSINESS_DAYS,
  reviewDeadline,
} from "./workflow";
import { localDay } from "@/lib/days";
import { dayOf } from "./dates";
import { listedApp, names } from "./app";
import { toFeedbackView } from "./feedback";
import type { FrozenSubmission, SubmissionState, TimelineEvent } from "./types";

/** Today in the workspace's time zone: the latest day a step can be recorded for. */
export async function workspaceToday(member: Member, now = new Date()) {
  const { timeZone } = await db.workspace.findUniqueOrThrow({
    where: { id: member.workspace.id },
    select: { timeZone: true },
  });
  return localDay(now, timeZone);
}

export async function readinessErrors(member: Member, appId: string, kind: "PUBLIC" | "PRIVATE") {
  const [draft, icons] = await Promise.all([getDraft(member, appId), iconVisibility(member, appId)]);
  return { draft: draft.data, errors: checkReadiness(draft.data, { kind, icons }).errors };
}

async function approvedListing(versionId: string | null) {
  if (!versionId) return null;
  const version = await db.listingVersion.findUnique({ where: { id: versionId } });
  return version ? { number: version.number, data: listingDraftSchema.parse(JSON.parse(version.data)) } : null;
}

export const lastSubmission = (appId: string, kind: "STATUS" | "CHANGES") =>
  db.appEvent.findFirst({
    where: { appId, kind, toStatus: "IN_REVIEW", versionId: { not: null } },
    orderBy: { createdAt: "desc" },
  });

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
