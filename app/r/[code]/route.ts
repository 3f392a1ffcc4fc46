import type { NextRequest } from "next/server";
import { clientKey, takeRateLimit } from "@/lib/http/rate-limit";
import { htmlAnswer, PUBLIC_HEADERS } from "@/lib/outreach/http";
import { openReviewLink } from "@/lib/outreach/public";

/**
 * `/r/<code>`: an app's review link, for the partner's product and its request emails. It redirects to the
 * listing's reviews on the Marketplace (an address the server builds from the app, never one from the request) and
 * counts the open by day: no cookie, nothing about the person. Over the rate limit it still redirects, uncounted.
 */
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ code: string }> };

export async function GET(request: NextRequest, { params }: Params) {
  const allowed = await takeRateLimit("reviewlink", clientKey(request));
  const answer = await openReviewLink((await params).code, request.nextUrl.searchParams.get("m"), {
    count: allowed.ok,
  });
  if ("location" in answer)
    return new Response(null, { status: 302, headers: { ...PUBLIC_HEADERS, location: answer.location } });
  return htmlAnswer(answer);
}
