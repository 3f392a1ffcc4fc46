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
  const own = { app: { workspaceId } };
  const [membership, appCount, finished, shared, members, invited, gateway, tokens, synced] = await Promise.all([
    db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId: member.user.id } },
      select: { checklistDismissedAt: true },
    }),
    db.app.count({ where: { workspaceId } }),
    // A listing submitted to Pipedrive was finished, whatever its readiness reads today.
    db.app.count({ where: { workspaceId, type: { not: "API_TOKEN" }, status: { not: "DRAFT" } } }),
    db.shareLink.count({ where: own }),
    db.membership.count({ where: { workspaceId } }),
    db.invitation.count({ where: { workspaceId } }),
    db.installEvent.count({ where: { ...own, source: { in: ["GATEWAY", "API"] } } }),
    db.apiToken.count({ where: { workspaceId, revokedAt: null } }),
    db.syncRunApp.count({ where: { ...own, status: "SUCCEEDED" } }),
  ]);
  if (membership?.checklistDismissedAt) return null;
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
      done: finished > 0 || apps.some((a) => hasFeature(a.type, "listing") && a.readiness === 100),
    },
    {
      key: "share",
      label: "Share a preview",
      help: "A link to the Marketplace page as it will look, for people without an account.",
      href: listed ? `/apps/${listed.id}/preview` : "/apps/new",
      done: shared > 0,
    },
    {
      key: "team",
      label: "Invite your team",
      help: "Editors draft the listing, viewers follow the figures.",
      href: "/team",
      done: members > 1 || invited > 0,
    },
    {
      key: "installs",
      label: "Put in the install gateway or an API token",
      help: "Installs and uninstalls come in as they happen.",
      href: first ? (hasFeature(first.type, "oauth") ? `/apps/${first.id}/settings` : "/settings") : "/apps/new",
      done: gateway > 0 || tokens > 0,
    },
    {
      key: "sync",
      label: "Run a first sync",
      help: "Ratings, reviews and positions read from the Marketplace.",
      href: "/reviews/sync",
      done: synced > 0,
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
