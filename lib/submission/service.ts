import "server-only";
import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { touchSharePages } from "@/lib/apps/service";
import { notifySafely } from "@/lib/notifications/notify";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordVersion } from "@/lib/listing/versions";
import { authorize } from "@/lib/team/permissions";
import { changesActionSchema, statusChangeSchema } from "./schema";
import { auditBy } from "@/lib/audit/log";
import { availableTransitions } from "./workflow";
import { plural } from "@/lib/text/words";
import { dayOf, dayStart, longDay, recordedDay } from "./dates";
import { listedApp } from "./app";
import { lastSubmission, readinessErrors, submissionState, workspaceToday } from "./state";

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
  if (transition.submits && !app.clientId)
    throw new AppError(
      "CONFLICT",
      "Add the app's client ID from Developer Hub in its settings before submitting: Pipedrive reviews the app it belongs to",
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
  // Share pages say whether the app is published: they render again.
  await touchSharePages(appId);
  await auditBy(
    member,
    "app.status",
    { type: "app", id: appId, name: app.name },
    { status: [app.status, transition.to], on: dayOf(occurredAt), ...(note ? { note } : {}) },
  );
  await notifySafely(
    member.workspace.id,
    {
      kind: "SUBMISSION",
      title: `${app.name}: ${APP_STATUS_LABELS[app.status] ?? app.status} → ${APP_STATUS_LABELS[transition.to] ?? transition.to}`,
      body: note ? `${member.user.name}: ${note}` : `Recorded by ${member.user.name}`,
      link: `/apps/${appId}/submission`,
    },
    { actorId: member.user.id },
  );
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
