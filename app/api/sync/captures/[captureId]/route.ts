import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";
import { captureDownload } from "@/lib/captures/store";

type Params = { params: Promise<{ captureId: string }> };

/**
 * What the Marketplace served for a read that failed or was partial, as a zip of its folder
 * (response.json and the body): to attach to a bug report, or to replay with `npm run marketplace:replay`.
 */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const { filename, zip } = await captureDownload(member, (await params).captureId);
  return new Response(new Uint8Array(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
