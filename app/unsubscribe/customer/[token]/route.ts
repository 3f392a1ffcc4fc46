import type { NextRequest } from "next/server";
import { clientKey, takeRateLimit, tooManyRequests } from "@/lib/http/rate-limit";
import { htmlAnswer } from "@/lib/outreach/http";
import { optOutPage } from "@/lib/outreach/public";

/**
 * `/unsubscribe/customer/<token>` from a review request or survey email: GET asks (a mail client's link preview
 * must not unsubscribe anyone); POST unsubscribes the address from all of the workspace's outreach, from the page's
 * button or in one click from the mail provider (RFC 8058 `List-Unsubscribe-Post`, which carries no origin: the
 * signed token is the authority).
 */
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

async function answer(request: NextRequest, { params }: Params, method: "GET" | "POST") {
  const allowed = await takeRateLimit("survey", clientKey(request));
  if (!allowed.ok) return tooManyRequests(allowed.retryAfterSeconds);
  return htmlAnswer(await optOutPage((await params).token, method, request.nextUrl.pathname));
}

export const GET = (request: NextRequest, context: Params) => answer(request, context, "GET");
export const POST = (request: NextRequest, context: Params) => answer(request, context, "POST");
