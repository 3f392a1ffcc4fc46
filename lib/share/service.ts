import "server-only";
import { notifySafely } from "@/lib/notifications/notify";
import { getApp } from "@/lib/apps/service";
import { appType, hasFeature, requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { listingDraftSchema, type ListingDraft } from "@/lib/listing/schema";
import { authorize } from "@/lib/team/permissions";
import { commentSchema, COMMENT_SECTIONS, createShareLinkSchema, type CommentSection } from "./schema";
import { hashToken, newToken } from "@/lib/crypto/token";
import { auditBy } from "@/lib/audit/log";
import type { CommentView, ShareLinksPage, SharedPreview, ShareLinkSummary, ShareLinkStatus } from "./types";

const DAY_MS = 86_400_000;

type LinkRow = {
  id: string;
  label: string;
  createdAt: Date;
  createdById: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  views: number;
  lastViewedAt: Date | null;
  version: { number: number; label: string } | null;
  _count: { comments: number };
};

export function linkStatus(
  link: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return "active";
}

const SUMMARY_SELECT = {
  id: true,
  label: true,
  createdAt: true,
  createdById: true,
  expiresAt: true,
  revokedAt: true,
  views: true,
  lastViewedAt: true,
  version: { select: { number: true, label: true } },
  _count: { select: { comments: true } },
} as const;

function toSummary(link: LinkRow, names: Map<string, string>, now = new Date()): ShareLinkSummary {
  return {
    id: link.id,
    label: link.label,
    target: link.version ? `Version ${link.version.number} · ${link.version.label}` : "Latest draft",
    createdAt: link.createdAt.toISOString(),
    createdBy: link.createdById ? (names.get(link.createdById) ?? null) : null,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    status: linkStatus(link, now),
    views: link.views,
    lastViewedAt: link.lastViewedAt?.toISOString() ?? null,
    comments: link._count.comments,
  };
}

async function userNames(ids: (string | null)[]) {
  const users = await db.user.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Creates a link; the token is returned once and only its hash is kept. */
export async function createShareLink(member: Member, appId: string, input: unknown, now = new Date()) {
  authorize(member, "share.create");
  requireFeature(await getApp(member, appId), "listing");
  const { label, target, expiresIn } = createShareLinkSchema.parse(input);
  let versionId: string | null = null;
  if (target !== "draft") {
    const version = await db.listingVersion.findFirst({
      where: { id: target, appId, app: { workspaceId: member.workspace.id } },
      select: { id: true },
    });
    if (!version)
      throw new AppError("VALIDATION", "That version does not exist", { target: "That version does not exist" });
    versionId = version.id;
  }
  const token = newToken();
  const link = await db.shareLink.create({
    data: {
      appId,
      tokenHash: hashToken(token),
      label,
      versionId,
      expiresAt: expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * DAY_MS),
      createdById: member.user.id,
    },
    select: SUMMARY_SELECT,
  });
  await auditBy(
    member,
    "share.create",
    { type: "share link", id: link.id, name: label || null },
    { appId, pinned: versionId ? "version" : "draft", expiresIn },
  );
  return { token, link: toSummary(link, new Map([[member.user.id, member.user.name]])) };
}

export const SHARE_LINKS_PAGE = 20;

/** A page of the app's share links, newest first: all of them, or only those that work now; with how many work now. */
export async function listShareLinks(
  member: Member,
  appId: string,
  { page = 1, show = "all" }: { page?: number; show?: "all" | "active" } = {},
  now = new Date(),
): Promise<ShareLinksPage> {
  await getApp(member, appId);
  const working = { appId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const where = show === "active" ? working : { appId };
  const [total, active, links] = await Promise.all([
    db.shareLink.count({ where }),
    db.shareLink.count({ where: working }),
    db.shareLink.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SHARE_LINKS_PAGE,
      take: SHARE_LINKS_PAGE,
      select: SUMMARY_SELECT,
    }),
  ]);
  const names = await userNames(links.map((l) => l.createdById));
  return {
    links: links.map((l) => toSummary(l, names, now)),
    total,
    active,
    pages: Math.max(1, Math.ceil(total / SHARE_LINKS_PAGE)),
    page,
    show,
  };
}

export async function revokeShareLink(member: Member, appId: string, linkId: unknown) {
  authorize(member, "share.revoke");
  await getApp(member, appId);
  if (typeof linkId !== "string") throw notFound("Link");
  const link = await db.shareLink.findFirst({
    where: { id: linkId, appId, app: { workspaceId: member.workspace.id } },
  });
  if (!link) throw notFound("Link");
  if (!link.revokedAt) await db.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
  await auditBy(member, "share.revoke", { type: "share link", id: link.id, name: link.label }, { appId });
}

/** A link that works now (not revoked, not expired, its app not archived), by token hash. */
async function liveLink(hash: string, now = new Date()) {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hash },
    include: {
      version: { select: { data: true } },
      app: { select: { id: true, archivedAt: true, type: true, status: true, workspace: { select: { name: true } } } },
    },
  });
  if (!link || link.app.archivedAt || linkStatus(link, now) !== "active") return null;
  return link;
}

/** What a share link shows: the pinned version or the latest draft. */
export async function loadSharedPreview(hash: string): Promise<SharedPreview | null> {
  const link = await liveLink(hash);
  if (!link) return null;
  const raw = link.version
    ? link.version.data
    : (await db.listingDraft.findUniqueOrThrow({ where: { appId: link.appId } })).data;
  return {
    linkId: link.id,
    appId: link.appId,
    builtBy: link.app.workspace.name,
    marketplace: hasFeature(appType(link.app.type), "marketplace"),
    published: link.app.status === "PUBLISHED",
    listing: publicPart(listingDraftSchema.parse(JSON.parse(raw))),
  };
}

/**
 * Only what the Marketplace page shows: the OAuth URLs, the reviewers' fields and the onboarding
 * guide never reach a share page, whatever the renderer does with them.
 */
function publicPart(listing: ListingDraft): ListingDraft {
  return {
    ...listing,
    callbackUrl: "",
    installationUrl: "",
    contactEmail: "",
    useCase: "",
    installFlowRecordingUrl: "",
    onboarding: listingDraftSchema.shape.onboarding.parse(undefined),
  };
}

/** The app and listing behind a live link, for its images: only images the listing shows are served. */
export async function sharedAssetOwner(hash: string, assetId: string): Promise<string> {
  const preview = await loadSharedPreview(hash);
  if (!preview) throw new AppError("NOT_FOUND", "This preview link no longer works");
  const shown = [preview.listing.iconAssetId, ...preview.listing.images.map((i) => i.assetId)];
  if (!shown.includes(assetId)) throw notFound("Image");
  return preview.appId;
}

export async function addComment(hash: string, input: unknown) {
  const link = await liveLink(hash);
  if (!link) throw new AppError("NOT_FOUND", "This preview link no longer works");
  const { name, body, section } = commentSchema.parse(input);
  const comment = await db.listingComment.create({
    data: { appId: link.appId, shareLinkId: link.id, section, authorName: name, body },
    include: { app: { select: { name: true, workspaceId: true } } },
  });
  await notifySafely(
    comment.app.workspaceId,
    {
      kind: "SHARE_COMMENT",
      title: `${name} commented on the preview of ${comment.app.name}`,
      body: body.length > 280 ? `${body.slice(0, 279)}…` : body,
      link: `/apps/${link.appId}/listing`,
    },
    { minRole: "EDITOR" },
  );
  return comment;
}

export async function listOpenComments(member: Member, appId: string): Promise<CommentView[]> {
  await getApp(member, appId);
  const rows = await db.listingComment.findMany({
    where: { appId, app: { workspaceId: member.workspace.id }, resolvedAt: null },
    orderBy: { createdAt: "desc" },
    include: { shareLink: { select: { label: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    section: c.section as CommentSection,
    sectionLabel: COMMENT_SECTIONS[c.section as CommentSection] ?? c.section,
    authorName: c.authorName,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    link: c.shareLink?.label ?? null,
  }));
}

export async function resolveComment(member: Member, appId: string, commentId: unknown) {
  authorize(member, "share.resolve-comment");
  await getApp(member, appId);
  if (typeof commentId !== "string") throw notFound("Comment");
  const { count } = await db.listingComment.updateMany({
    where: { id: commentId, appId, app: { workspaceId: member.workspace.id }, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: member.user.id },
  });
  if (count === 0) throw notFound("Comment");
  await auditBy(member, "comment.resolve", { type: "app", id: appId }, { comment: commentId });
}
