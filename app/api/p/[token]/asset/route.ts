import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http";
import { readSharedAsset } from "@/lib/media/assets";
import { gateToken } from "@/lib/share/handler";
import { sharedAssetOwner } from "@/lib/share/service";
import { SHARE_HEADERS } from "@/lib/share/status-page";
import { toResponse } from "@/lib/share/response";

type Params = { params: Promise<{ token: string }> };

/**
 * `/p/<token>?asset=<id>`: an image the shared listing shows, and no other. The link is checked
 * on every request and browsers revalidate, so a revoked link's images stop at once.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const gated = await gateToken((await params).token);
  if ("response" in gated) return toResponse(gated.response);
  try {
    const assetId = request.nextUrl.searchParams.get("asset") ?? "";
    const appId = await sharedAssetOwner(gated.hash, assetId);
    const size = request.nextUrl.searchParams.get("size") === "thumb" ? "thumb" : "full";
    const file = await readSharedAsset(appId, assetId, size);
    const etag = `"${file.sha256}-${size}"`;
    const headers = { ...SHARE_HEADERS, etag, "x-content-type-options": "nosniff", "content-disposition": "inline" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(file.data), { headers: { ...headers, "content-type": file.mime } });
  } catch (error) {
    const response = errorResponse(error);
    for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
    return response;
  }
}
