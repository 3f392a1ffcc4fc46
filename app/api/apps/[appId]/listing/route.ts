import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { readJson, route } from "@/lib/http/route";
import { getDraft, saveDraft } from "@/lib/listing/drafts";
import { refreshLinksInBackground } from "@/lib/listing/link-status";
import { assertSameOrigin } from "@/lib/security/origin";

type Params = { params: Promise<{ appId: string }> };

export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  return Response.json(await getDraft(member, (await params).appId));
});

/**
 * Body: `{ revision, data }`. 200 with the saved draft; 409 with the newer one; 422 with field
 * errors. New and stale links are then checked in the background.
 */
export const PUT = route(async (request: Request, { params }: Params) => {
  assertSameOrigin(request, { accepts: ["application/json"] });
  const member = await requireMember("listing.edit");
  const appId = (await params).appId;
  await getApp(member, appId); // another workspace's app: 404 before the body is read
  const saved = await saveDraft(member, appId, await readJson(request));
  refreshLinksInBackground(appId, saved.data);
  return Response.json(saved);
});
