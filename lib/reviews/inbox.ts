import "server-only";
import { reviewLinkOf } from "@/lib/marketplace/listing-url";
import { env } from "@/lib/server/env";
import { getApp, touchSharePages } from "@/lib/apps/service";
import { requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/team/permissions";
import { manualReviewSchema, replySchema, reviewUpdateSchema, templateSchema, type InboxQuery } from "./schema";
import { auditBy } from "@/lib/audit/log";
import type { InboxRow } from "./types";

/** The review inbox across a workspace's apps: filters, statuses, assignment and replies. */
export const INBOX_PAGE_SIZE = 25;

function where(workspaceId: string, query: InboxQuery, userId: string): Prisma.ReviewWhereInput {
  const filters: Prisma.ReviewWhereInput[] = [{ app: { workspaceId } }];
  if (query.app) filters.push({ appId: query.app });
  if (query.stars === "low") filters.push({ stars: { lte: 2 } });
  else if (query.stars) filters.push({ stars: Number(query.stars) });
  if (query.status === "open") filters.push({ status: { in: ["NEW", "NEEDS_REPLY"] } });
  else if (query.status !== "all") filters.push({ status: query.status });
  if (query.assignee === "me") filters.push({ assigneeId: userId });
  else if (query.assignee === "none") filters.push({ assigneeId: null });
  else if (query.assignee) filters.push({ assigneeId: query.assignee });
  if (query.from) filters.push({ reviewedAt: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to)
    filters.push({ reviewedAt: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } });
  if (query.q)
    filters.push({
      OR: [{ text: { contains: query.q } }, { author: { contains: query.q } }, { replyText: { contains: query.q } }],
    });
  if (!query.removed) filters.push({ removedAt: null });
  return { AND: filters };
}

export async function listInbox(member: Member, query: InboxQuery) {
  const filter = where(member.workspace.id, query, member.user.id);
  // The default view (to handle, or one status, nothing else filtered) is counted by the figures themselves.
  const onlyStatus =
    !query.app && !query.stars && !query.assignee && !query.from && !query.to && !query.q && !query.removed;
  const [counted, rows] = await Promise.all([
    onlyStatus ? null : db.review.count({ where: filter }),
    db.review.findMany({
      where: filter,
      orderBy: [{ reviewedAt: "desc" }, { firstSeenAt: "desc" }],
      skip: (query.page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      include: {
        app: { select: { id: true, name: true, clientId: true, listingUrl: true } },
        repliedBy: { select: { name: true } },
        revisions: { orderBy: { recordedAt: "desc" } },
      },
    }),
  ]);
  const d = sqlConnection();
  // Per status, along the inbox index (app, status, removed): counted from the index, not the rows.
  const perApp = d
    .prepare(
      `SELECT r.status, COUNT(*) AS n FROM Review r WHERE r.appId IN (SELECT id FROM App WHERE workspaceId = ?) AND r.removedAt IS NULL GROUP BY r.appId, r.status`,
    )
    .all(member.workspace.id) as { status: string; n: number }[];
  const counts: Record<string, number> = {};
  for (const { status, n } of perApp) counts[status] = (counts[status] ?? 0) + n;
  // Replies written here: the time from the review to the reply, averaged in SQL (not loaded row by row).
  const replied = d
    .prepare(
      `SELECT COUNT(*) AS n, AVG(MAX(0, julianday(r.repliedAt) - julianday(COALESCE(r.reviewedAt, r.firstSeenAt)))) * 86400000 AS ms
       FROM Review r JOIN App a ON a.id = r.appId
       WHERE a.workspaceId = ? AND r.status = 'REPLIED' AND r.replyText IS NOT NULL AND r.repliedAt IS NOT NULL`,
    )
    .get(member.workspace.id) as { n: number; ms: number | null };
  const total =
    counted ??
    (query.status === "all"
      ? Object.values(counts).reduce((a, b) => a + b, 0)
      : query.status === "open"
        ? (counts.NEW ?? 0) + (counts.NEEDS_REPLY ?? 0)
        : (counts[query.status] ?? 0));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    counts,
    averageReplyMs: replied.ms === null ? null : Math.round(replied.ms),
    repliedCount: replied.n,
    rows: rows.map((r): InboxRow => ({
      id: r.id,
      app: { id: r.app.id, name: r.app.name },
      marketplaceUrl: reviewLinkOf(r.app, r.anchor, env().MARKETPLACE_URL),
      source: r.source,
      author: r.author,
      stars: r.stars,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      text: r.text,
      upvotes: r.upvotes,
      publicReply: r.publicReply,
      status: r.status,
      assigneeId: r.assigneeId,
      replyText: r.replyText,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      repliedBy: r.repliedBy?.name ?? null,
      removed: r.removedAt !== null,
      revisions: r.revisions.map((v) => ({ stars: v.stars, text: v.text, recordedAt: v.recordedAt.toISOString() })),
    })),
  };
}

async function ownReview(member: Member, reviewId: unknown) {
  if (typeof reviewId !== "string" || reviewId.length > 64) throw notFound("Review");
  const review = await db.review.findFirst({ where: { id: reviewId, app: { workspaceId: member.workspace.id } } });
  if (!review) throw notFound("Review");
  return review;
}

/** Status and assignee. An assignee must belong to the workspace. */
export async function updateReview(member: Member, reviewId: unknown, input: unknown) {
  authorize(member, "review.triage");
  const review = await ownReview(member, reviewId);
  const change = reviewUpdateSchema.parse(input);
  if (change.assigneeId) {
    const teammate = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: member.workspace.id, userId: change.assigneeId } },
    });
    if (!teammate)
      throw new AppError("VALIDATION", "Assign the review to someone in this workspace", {
        assigneeId: "Not a member of this workspace",
      });
  }
  if (change.status === "REPLIED" && !review.replyText && !review.publicReply) {
    throw new AppError("VALIDATION", "Write the reply first: use “Copy reply” to mark a review as replied", {
      status: "A review without a reply cannot be marked as replied",
    });
  }
  await db.review.update({
    where: { id: review.id },
    data: {
      ...(change.status ? { status: change.status } : {}),
      ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
    },
  });
  await auditBy(
    member,
    "review.update",
    { type: "review", id: review.id, name: review.author },
    {
      ...(change.status ? { status: [review.status, change.status] } : {}),
      ...(change.assigneeId !== undefined ? { assignee: [review.assigneeId, change.assigneeId] } : {}),
    },
  );
}

/** The reply was pasted into Pipedrive: keep its text and mark the review as replied. */
export async function markReplied(member: Member, reviewId: unknown, input: unknown, now = new Date()) {
  authorize(member, "review.reply");
  const review = await ownReview(member, reviewId);
  const { replyText } = replySchema.parse(input);
  await auditBy(
    member,
    "review.reply",
    { type: "review", id: review.id, name: review.author },
    { status: [review.status, "REPLIED"] },
  );
  await db.review.update({
    where: { id: review.id },
    data: {
      status: "REPLIED",
      replyText,
      repliedAt: review.status === "REPLIED" && review.repliedAt ? review.repliedAt : now,
      repliedById: member.user.id,
    },
  });
}

/** A review the sync cannot reach, typed in by the team. */
export async function addManualReview(member: Member, input: unknown) {
  authorize(member, "review.add");
  const data = manualReviewSchema.parse(input);
  const app = await getApp(member, data.appId);
  requireFeature(app, "marketplace");
  const created = await db.review.create({
    data: {
      appId: app.id,
      externalKey: `manual:${crypto.randomUUID()}`,
      source: "MANUAL",
      author: data.author,
      stars: data.stars,
      reviewedAt: data.reviewedAt,
      text: data.text,
      publicReply: data.publicReply,
      status: data.publicReply ? "REPLIED" : "NEW",
      repliedAt: data.publicReply ? new Date() : null,
    },
  });
  await auditBy(
    member,
    "review.add",
    { type: "review", id: created.id, name: data.author },
    { appId: app.id, stars: data.stars },
  );
  await touchSharePages(app.id);
  return { id: created.id };
}

/** The workspace's apps that can have Marketplace reviews (public, not archived), by name: the add and import forms' choice. */
export async function listReviewedApps(member: Member): Promise<{ id: string; name: string }[]> {
  return db.app.findMany({
    where: { workspaceId: member.workspace.id, type: "PUBLIC", archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function listTemplates(member: Member) {
  const rows = await db.replyTemplate.findMany({
    where: { workspaceId: member.workspace.id },
    orderBy: { name: "asc" },
  });
  return rows.map((t) => ({ id: t.id, name: t.name, body: t.body }));
}

export async function saveTemplate(member: Member, templateId: string | null, input: unknown) {
  authorize(member, "template.edit");
  const data = templateSchema.parse(input);
  const clash = await db.replyTemplate.findFirst({
    where: { workspaceId: member.workspace.id, name: data.name, ...(templateId ? { id: { not: templateId } } : {}) },
  });
  if (clash)
    throw new AppError("VALIDATION", "A template with this name exists", { name: "A template with this name exists" });
  if (templateId) {
    const { count } = await db.replyTemplate.updateMany({
      where: { id: templateId, workspaceId: member.workspace.id },
      data,
    });
    if (count === 0) throw notFound("Template");
    await auditBy(member, "template.update", { type: "reply template", id: templateId, name: data.name });
    return { id: templateId };
  }
  const created = await db.replyTemplate.create({ data: { ...data, workspaceId: member.workspace.id } });
  await auditBy(member, "template.create", { type: "reply template", id: created.id, name: data.name });
  return { id: created.id };
}

export async function deleteTemplate(member: Member, templateId: unknown) {
  authorize(member, "template.delete");
  if (typeof templateId !== "string") throw notFound("Template");
  const { count } = await db.replyTemplate.deleteMany({ where: { id: templateId, workspaceId: member.workspace.id } });
  if (count === 0) throw notFound("Template");
  await auditBy(member, "template.delete", { type: "reply template", id: templateId });
}
