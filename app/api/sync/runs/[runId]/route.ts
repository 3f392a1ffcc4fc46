import { requireMember } from "@/lib/authz";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";

type Params = { params: Promise<{ runId: string }> };

/** The progress of a sync run of the member's workspace (polled by "Sync now"). */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const { runId } = await params;
  const run = runId.length <= 64 ? await db.syncRun.findFirst({ where: { id: runId, workspaceId: member.workspace.id } }) : null;
  if (!run) throw notFound("Sync run");
  return Response.json(
    { id: run.id, status: run.status, appsTotal: run.appsTotal, appsDone: run.appsDone, added: run.added, updated: run.updated, removed: run.removed, error: run.error },
    { headers: { "cache-control": "no-store" } },
  );
});
