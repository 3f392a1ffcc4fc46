import "server-only";
import { clientSecretContext } from "@/lib/crypto/contexts";
import type { Member } from "@/lib/authz";
import { sealSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { checkReadiness, type IconVisibility, type LinkStatus } from "@/lib/listing/readiness";
import { emptyListing } from "@/lib/listing/schema";
import { authorize } from "@/lib/team/permissions";
import { clientIdSchema, clientSecretSchema, createAppSchema } from "./schema";
import { appType, hasFeature, requireFeature, type AppType } from "@/lib/app-types";
import { auditBy } from "@/lib/audit/log";
import { LRUCache } from "lru-cache";
import type { AppSummary } from "./types";

type AppRow = Awaited<ReturnType<typeof db.app.findFirstOrThrow>> & {
  draft: { data: string; revision?: number } | null;
};

/**
 * Scores already worked out, by app, draft revision, icon and link state: the checklist parses
 * the description's Markdown and checks every rule, a few milliseconds per app, and a grid of
 * apps asks again on every visit though drafts rarely change between two.
 */
const SCORES_MAX = 2_000;
const scores = new LRUCache<string, number>({ max: SCORES_MAX });

/** The readiness checklist's score of a stored draft. */
function readinessOf(
  data: unknown,
  kind: Exclude<AppType, "API_TOKEN">,
  icons: Record<string, IconVisibility>,
  links: Record<string, LinkStatus>,
  key?: string,
): number {
  const full = key === undefined ? undefined : `${key}:${kind}:${JSON.stringify(icons)}:${JSON.stringify(links)}`;
  const known = full === undefined ? undefined : scores.get(full);
  if (known !== undefined) return known;
  const score = checkReadiness(data, { kind, icons, links }).score;
  if (full !== undefined) {
    scores.set(full, score);
  }
  return score;
}

function toSummary(
  app: AppRow,
  icons: Record<string, IconVisibility> = {},
  links: Record<string, LinkStatus> = {},
): AppSummary {
  const data = app.draft ? (JSON.parse(app.draft.data) as Record<string, unknown>) : {};
  const key = app.draft?.revision === undefined ? undefined : `${app.id}:${app.draft.revision}`;
  const type = appType(app.type);
  return {
    id: app.id,
    name: app.name,
    type,
    status: app.status,
    clientId: app.clientId,
    callbackUrl: app.callbackUrl,
    installationUrl: app.installationUrl,
    hasClientSecret: app.clientSecret !== null,
    clientRejectedAt: app.clientRejectedAt,
    listingUrl: app.listingUrl,
    archived: app.archivedAt !== null,
    iconAssetId: typeof data.iconAssetId === "string" ? data.iconAssetId : null,
    summary: typeof data.summary === "string" ? data.summary.trim() : "",
    readiness: type === "API_TOKEN" ? 0 : readinessOf(data, type, icons, links, key),
    updatedAt: app.updatedAt,
  };
}

export async function createApp(member: Member, input: unknown): Promise<AppSummary> {
  authorize(member, "app.create");
  const data = createAppSchema.parse(input);
  // An API-token integration has no listing and no status to move through: it is in use once added.
  const listed = hasFeature(data.type, "listing");
  const listing = emptyListing(data.name, data.callbackUrl);
  listing.installationUrl = data.installationUrl;
  const app = await db.$transaction(async (tx) => {
    const created = await tx.app.create({
      data: {
        workspaceId: member.workspace.id,
        name: data.name,
        type: data.type,
        ...(listed ? {} : { status: "LIVE" }),
        clientId: data.clientId,
        callbackUrl: data.callbackUrl,
        installationUrl: data.installationUrl || null,
        createdById: member.user.id,
        ...(listed ? { draft: { create: { data: JSON.stringify(listing), updatedById: member.user.id } } } : {}),
      },
    });
    if (!data.clientSecret) return created;
    return tx.app.update({
      where: { id: created.id },
      data: { clientSecret: sealSecret(data.clientSecret, clientSecretContext(created.id)) },
    });
  });
  await auditBy(member, "app.create", { type: "app", id: app.id, name: app.name }, { type: app.type });
  return toSummary({ ...app, draft: listed ? { data: JSON.stringify(listing) } : null });
}

/** Apps per page of the Apps grid. */
export const APPS_PAGE = 12;

/**
 * A page of the workspace's apps (active or archived, found by name), most recently changed
 * first, with the readiness of the listings shown — a partner with 50 apps loads 12 of them.
 */
export async function listApps(
  member: Member,
  { archived = false, q = "", page = 1 }: { archived?: boolean; q?: string; page?: number } = {},
): Promise<{ apps: AppSummary[]; total: number; pages: number }> {
  const where = {
    workspaceId: member.workspace.id,
    archivedAt: archived ? { not: null } : null,
    ...(q ? { name: { contains: q } } : {}),
  };
  const [total, apps] = await Promise.all([
    db.app.count({ where }),
    db.app.findMany({
      where,
      include: {
        draft: { select: { data: true, revision: true } },
        assets: { where: { kind: "ICON" }, select: { id: true, visibleOnLight: true, visibleOnDark: true } },
        linkChecks: { select: { url: true, ok: true, status: true, error: true, checkedAt: true } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * APPS_PAGE,
      take: APPS_PAGE,
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / APPS_PAGE)),
    apps: apps.map((app) =>
      toSummary(
        app,
        Object.fromEntries(app.assets.map((a) => [a.id, a])),
        Object.fromEntries(
          app.linkChecks.map((l) => [
            l.url,
            { ok: l.ok, status: l.status, error: l.error, checkedAt: l.checkedAt.toISOString() },
          ]),
        ),
      ),
    ),
  };
}

/** The app, scoped to the member's workspace: another workspace's id is simply not found. */
export async function getApp(member: Member, appId: unknown): Promise<AppSummary> {
  if (typeof appId !== "string" || appId.length > 64) throw notFound("App");
  const app = await db.app.findFirst({
    where: { id: appId, workspaceId: member.workspace.id },
    include: { draft: { select: { data: true } } },
  });
  if (!app) throw notFound("App");
  return toSummary(app);
}

/**
 * The workspace an app belongs to, when the user is a member of it: a link to one of their apps
 * opened while another of their workspaces is open. Null for anyone else (they get "not found").
 */
export async function appWorkspaceOf(userId: string, appId: unknown): Promise<{ id: string; name: string } | null> {
  if (typeof appId !== "string" || appId.length > 64) return null;
  const app = await db.app.findFirst({
    where: { id: appId, workspace: { memberships: { some: { userId } } } },
    select: { workspace: { select: { id: true, name: true } } },
  });
  return app?.workspace ?? null;
}

export async function setClientSecret(member: Member, appId: string, input: unknown): Promise<void> {
  authorize(member, "app.client-secret");
  const { clientSecret } = clientSecretSchema.parse(input);
  requireFeature(await getApp(member, appId), "oauth");
  // A new secret answers Pipedrive's refusal of the old one; the next install tells whether it is right.
  await db.app.update({
    where: { id: appId, workspaceId: member.workspace.id },
    data: { clientSecret: sealSecret(clientSecret, clientSecretContext(appId)), clientRejectedAt: null },
  });
  await auditBy(member, "app.secret", { type: "app", id: appId }, { clientSecret: "set (value not logged)" });
}

/**
 * Adds (or corrects) the client ID Developer Hub gave the app: what the gateway, the sync, the hand-off
 * and the submission need. The listing was drafted without it.
 */
export async function setClientId(member: Member, appId: string, input: unknown): Promise<void> {
  authorize(member, "app.client-secret");
  const { clientId } = clientIdSchema.parse(input);
  const app = await getApp(member, appId);
  requireFeature(app, "oauth");
  if (app.clientId === clientId) return;
  await db.app.update({ where: { id: appId, workspaceId: member.workspace.id }, data: { clientId } });
  await auditBy(
    member,
    "app.client-id",
    { type: "app", id: appId, name: app.name },
    {
      clientId: [app.clientId || null, clientId],
    },
  );
}

export async function setArchived(member: Member, appId: string, archived: boolean): Promise<void> {
  authorize(member, "app.archive");
  await getApp(member, appId);
  await db.app.update({
    where: { id: appId, workspaceId: member.workspace.id },
    data: { archivedAt: archived ? new Date() : null },
  });
  await auditBy(member, archived ? "app.archive" : "app.unarchive", { type: "app", id: appId });
}

export async function deleteApp(member: Member, appId: string, confirmName: unknown): Promise<void> {
  authorize(member, "app.delete");
  const app = await getApp(member, appId);
  if (confirmName !== app.name) {
    throw new AppError("VALIDATION", "Type the app's name to confirm", {
      confirmName: `Type “${app.name}” to confirm`,
    });
  }
  await db.app.delete({ where: { id: appId, workspaceId: member.workspace.id } });
  await auditBy(member, "app.delete", { type: "app", id: appId, name: app.name });
}

/**
 * Something a share page shows changed outside the listing (the rating, the reviews): the app's
 * share version moves on, so every instance's next load of its pages renders them again. (An edit
 * of the draft moves its revision; a revoked link or an archived app is read at each request.)
 */
export async function touchSharePages(appId: string) {
  await db.app.updateMany({ where: { id: appId }, data: { shareVersion: { increment: 1 } } });
}
