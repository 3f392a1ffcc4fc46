import "server-only";
import type { Member } from "@/lib/authz";
import { hasFeature } from "@/lib/app-types";
import type { AppSummary } from "@/lib/apps/types";
import { db } from "@/lib/db";
import type { ChecklistStep } from "./types";

/**
 * A new workspace's first steps, each ticked from what the workspace holds (never from a click on the
 * list): an app, a finished listing, a shared preview, a teammate, installs coming in through the
 * gateway or an API token, and a first sync. Null once the member put it away or every step is done.
 */
export async function firstRunChecklist(member: Member, apps: AppSummary[]): Promise<ChecklistStep[] | null> {
  const workspaceId = member.workspace.id;
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: member.user.id } },
    select: { checklistDismissedAt: true },
  });
  if (membership?.checklistDismissedAt) return null;
  // Whether each thing exists at all: the first row found answers (a large workspace has millions of events).
  const own = { app: { workspaceId } };
  const exists = (row: Promise<unknown>) => row.then((r) => r !== null);
  const [appCount, finished, shared, members, invited, gateway, tokens, synced] = await Promise.all([
    db.app.count({ where: { workspaceId } }),
    // A listing submitted to Pipedrive was finished, whatever its readiness reads today.
    exists(
      db.app.findFirst({
        where: { workspaceId, type: { not: "API_TOKEN" }, status: { not: "DRAFT" } },
        select: { id: true },
      }),
    ),
    exists(db.shareLink.findFirst({ where: own, select: { id: true } })),
    db.membership.count({ where: { workspaceId } }),
    exists(db.invitation.findFirst({ where: { workspaceId }, select: { id: true } })),
    exists(db.installEvent.findFirst({ where: { ...own, source: { in: ["GATEWAY", "API"] } }, select: { id: true } })),
    exists(db.apiToken.findFirst({ where: { workspaceId, revokedAt: null }, select: { id: true } })),
    exists(db.syncRunApp.findFirst({ where: { ...own, status: "SUCCEEDED" }, select: { id: true } })),
  ]);
  const first = apps[0];
  const listed = apps.find((a) => hasFeature(a.type, "listing")) ?? null;
  const steps: ChecklistStep[] = [
    {
      key: "app",
      label: "Create your app",
      help: "The app you registered in Developer Hub, or an integration installed with an API token.",
      href: "/apps/new",
      done: appCount > 0,
    },
    {
      key: "listing",
      label: "Finish the listing",
      help: "Every check of Pipedrive's approval list passes.",
      href: listed ? `/apps/${listed.id}/listing` : "/apps/new",
      done: finished || apps.some((a) => hasFeature(a.type, "listing") && a.readiness === 100),
    },
    {
      key: "share",
      label: "Share a preview",
      help: "A link to the Marketplace page as it will look, for people without an account.",
      href: listed ? `/apps/${listed.id}/preview` : "/apps/new",
      done: shared,
    },
    {
      key: "team",
      label: "Invite your team",
      help: "Editors draft the listing, viewers follow the figures.",
      href: "/team",
      done: members > 1 || invited,
    },
    {
      key: "installs",
      label: "Put in the install gateway or an API token",
      help: "Installs and uninstalls come in as they happen.",
      href: first ? (hasFeature(first.type, "oauth") ? `/apps/${first.id}/settings` : "/settings") : "/apps/new",
      done: gateway || tokens,
    },
    {
      key: "sync",
      label: "Run a first sync",
      help: "Ratings, reviews and positions read from the Marketplace.",
      href: "/reviews/sync",
      done: synced,
    },
  ];
  return steps.every((s) => s.done) ? null : steps;
}

/** Puts the checklist away for this member. */
export async function dismissChecklist(member: Member, now = new Date()): Promise<void> {
  await db.membership.update({
    where: { workspaceId_userId: { workspaceId: member.workspace.id, userId: member.user.id } },
    data: { checklistDismissedAt: now },
  });
}
