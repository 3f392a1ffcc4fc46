import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appType, listedType, requireFeature, type AppFeature } from "@/lib/app-types";

/**
 * An app of the member's workspace, by an id that came from a URL or a form: the workspace is part
 * of the query, so another workspace's id is simply not found. Every domain that acts on an app
 * starts here (lib/apps adds the summary a page shows). With a feature, an app whose type lacks it
 * is refused (409) before anything is read or written.
 */
export async function appInWorkspace(member: { workspace: { id: string } }, appId: unknown, feature?: AppFeature) {
  if (typeof appId !== "string" || appId.length > 64) throw notFound("App");
  const app = await db.app.findFirst({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { id: true, name: true, type: true },
  });
  if (!app) throw notFound("App");
  const found = { ...app, type: appType(app.type) };
  if (feature) requireFeature(found, feature);
  return found;
}

/** An app of the workspace whose type has a listing (public or private): the listing domain's entry point. */
export async function listedAppInWorkspace(member: { workspace: { id: string } }, appId: unknown) {
  const app = await appInWorkspace(member, appId);
  return { ...app, type: listedType(app) };
}
