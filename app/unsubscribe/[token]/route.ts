import type { NextRequest } from "next/server";
import { clientKey, takeRateLimit, tooManyRequests } from "@/lib/http/rate-limit";
import { unsubscribePage } from "@/lib/notifications/unsubscribe-page";

/**
 * `/unsubscribe/<token>` from a notification email: GET asks (a mail client's link preview must not
 * unsubscribe anyone), POST turns that kind of email off — from the page's button, or in one click from
 * the mail provider (RFC 8058 `List-Unsubscribe-Post`). The token is the person and the kind, signed.
 */
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

async function answer(request: NextRequest, { params }: Params, method: "GET" | "POST") {
  const allowed = await takeRateLimit("unsubscribe", clientKey(request));
  if (!allowed.ok) return tooManyRequests(allowed.retryAfterSeconds);
  const page = await unsubscribePage((await params).token, method, request.nextUrl.pathname);
  return new Response(page.html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}

export const GET = (request: NextRequest, context: Params) => answer(request, context, "GET");
export const POST = (request: NextRequest, context: Params) => answer(request, context, "POST");
