import { requireMember } from "@/lib/authz";
import { csvDownload } from "@/lib/http/csv-download";
import { route } from "@/lib/http/route";
import { installationQuerySchema, installationsCsv } from "@/lib/installs/installations";

type Params = { params: Promise<{ appId: string }> };

/** `?format=csv` with the page's filters: every matching installation as a CSV download. */
export const GET = route(async (request: Request, { params }: Params) => {
  const member = await requireMember();
  const { appId } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return csvDownload(
    installationsCsv(member, appId, installationQuerySchema.parse(search)),
    `installations-${appId}.csv`,
  );
});
