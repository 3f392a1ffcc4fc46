import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";
import { readAsset } from "@/lib/media/assets";

type Params = { params: Promise<{ assetId: string }> };

/** An image for members of its workspace. An asset never changes once stored, so it is cached for good. */
export const GET = route(async (request: Request, { params }: Params) => {
  const member = await requireMember();
  const size = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
  const file = await readAsset(member, (await params).assetId, size);
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.mime,
      "cache-control": "private, max-age=31536000, immutable",
      etag: `"${file.sha256}-${size}"`,
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    },
  });
});
