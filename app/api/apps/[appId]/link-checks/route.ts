import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";
import { getDraft } from "@/lib/listing/drafts";
import { checkLinksNow, linkStatuses } from "@/lib/listing/link-status";
import { assertSameOrigin } from "@/lib/security/origin";

type Params = { params: Promise<{ appId: string }> };

/** The last reachability check of each link of the listing, by URL. */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const app = await getApp(member, (await params).appId);
  return Response.json(await linkStatuses(app.id));
});

/** Checks every link of the saved draft now (each with a 5 s timeout) and answers the results. */
export const POST = route(async (request: Request, { params }: Params) => {
  assertSameOrigin(request, { accepts: ["application/json"] });
  const member = await requireMember("listing.check-links");
  const appId = (await params).appId;
  const draft = await getDraft(member, appId);
  return Response.json(await checkLinksNow(member, appId, draft.data));
});
