import type { NextRequest } from "next/server";
import { clientKey } from "@/lib/http/rate-limit";
import { sharePage } from "@/lib/share/page";
import { SHARE_HEADERS } from "@/lib/share/status-page";
import { shareAsset, shareComment, toResponse } from "@/lib/share/visitor";

/**
 * A share link, `/p/<token>`: the listing's preview for anyone with the link (lib/share/page.ts),
 * `?asset=<id>` its images, and `POST ?comment=1` a comment from its form (lib/share/visitor.ts).
 */
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

async function page(request: NextRequest, { params }: Params, method: "GET" | "HEAD") {
  const { token } = await params;
  if (request.nextUrl.searchParams.has("asset")) return shareAsset(request, token);
  return toResponse(
    await sharePage({ token, method, ifNoneMatch: request.headers.get("if-none-match"), client: clientKey(request) }),
  );
}

export const GET = (request: NextRequest, context: Params) => page(request, context, "GET");
export const HEAD = (request: NextRequest, context: Params) => page(request, context, "HEAD");

export async function POST(request: NextRequest, { params }: Params) {
  if (!request.nextUrl.searchParams.has("comment")) {
    return Response.json(
      { error: { code: "METHOD_NOT_ALLOWED", message: "A share link takes only comments (POST ?comment=1)" } },
      { status: 405, headers: { ...SHARE_HEADERS, allow: "GET, HEAD" } },
    );
  }
  return shareComment(request, (await params).token);
}
