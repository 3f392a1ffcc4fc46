import { requireMember } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { developerHubMedia } from "@/lib/listing/developer-hub-media";

type Params = { params: Promise<{ appId: string; file: string }> };

/** A listing picture named for Developer Hub (`icon-512x512.png`…), or `all.zip` with every one. */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const { appId, file } = await params;
  if (!/^[a-z0-9.-]{1,80}$/.test(file)) throw notFound("File");
  const found = await developerHubMedia(member, appId, file);
  if (!found) throw notFound("File");
  return new Response(new Uint8Array(found.data), {
    headers: {
      "content-type": found.mime,
      "content-disposition": `attachment; filename="${found.name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
