import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { readJson, route } from "@/lib/http/route";
import { finishImport, importBatch } from "@/lib/installs/import";
import { assertSameOrigin } from "@/lib/security/origin";

type Params = { params: Promise<{ appId: string }> };

/**
 * One batch of an import: `{ firstRow, rows: [...] }` (≤ 500 rows) → `{ results: [...] }`, one per
 * row. `?finish=1` (no body) ends the import: installations and rollups are rebuilt.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  assertSameOrigin(request, { accepts: ["application/json"] });
  const member = await requireMember("installs.import");
  const { appId } = await params;
  await getApp(member, appId); // another workspace's app: 404 before the body is read
  if (new URL(request.url).searchParams.get("finish") === "1") {
    await finishImport(member, appId);
    return Response.json({ ok: true });
  }
  return Response.json({ results: await importBatch(member, appId, await readJson(request, 2_000_000)) });
});
