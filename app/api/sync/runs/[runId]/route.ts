import { requireMember } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { runProgress } from "@/lib/sync/runs";

type Params = { params: Promise<{ runId: string }> };

/** The progress of a sync run of the member's workspace (polled by "Sync now"). */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const progress = await runProgress(member.workspace.id, (await params).runId);
  if (!progress) throw notFound("Sync run");
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
});
