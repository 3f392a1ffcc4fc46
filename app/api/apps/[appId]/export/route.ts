import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";
import { exportListing, zipExport } from "@/lib/listing/transfer";

type Params = { params: Promise<{ appId: string }> };

/** The listing as a zip (listing.json + images/), or `?format=json` for the document alone. */
export const GET = route(async (request: Request, { params }: Params) => {
  const member = await requireMember();
  const { json, files, name } = await exportListing(member, (await params).appId);
  if (new URL(request.url).searchParams.get("format") === "json") {
    return Response.json(json, { headers: { "content-disposition": `attachment; filename="${name}-listing.json"` } });
  }
  return new Response(new Uint8Array(zipExport(json, files)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}-listing.zip"`,
      "cache-control": "no-store",
    },
  });
});
