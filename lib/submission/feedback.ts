import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { FIELDS } from "@/lib/listing/fields";
import { type ListingField } from "@/lib/listing/schema";
import { authorize } from "@/lib/team/permissions";
import { feedbackSchema } from "./schema";
import { auditBy } from "@/lib/audit/log";
import { listedApp, names } from "./app";
import type { FeedbackView } from "./types";

export function toFeedbackView(
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
