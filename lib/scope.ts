import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * An app of the member's workspace, by an id that came from a URL or a form: the workspace is part
 * of the query, so another workspace's id is simply not found. Every domain that acts on an app
 * starts here (lib/apps adds the summary a page shows).
 */
export async function appInWorkspace(member: { workspace: { id: string } }, appId: unknown) {
  if (typeof appId !== "string" || appId.length > 64) throw notFound("App");
  const app = await db.app.findFirst({
    where: { id: appId, workspaceId: member.workspace.id },
    select: { id: true, name: true, type: true },
  });
  if (!app) throw notFound("App");
  return { ...app, type: app.type === "PRIVATE" ? ("PRIVATE" as const) : ("PUBLIC" as const) };
}
