import type { NextRequest } from "next/server";
import { env } from "@/lib/server/env";
import { clientKey, takeRateLimit, tooManyRequests } from "@/lib/http/rate-limit";
import { htmlAnswer } from "@/lib/outreach/http";
import { messagePage } from "@/lib/outreach/page-html";
import { surveyPage } from "@/lib/outreach/public";
import { isSameOrigin } from "@/lib/security/same-origin";

/**
 * `/survey/<token>`: the one-question uninstall survey of one uninstall (the token is signed, expires, and is
 * answered once). A plain form posting to itself: it works without JavaScript. Rate limited per client address.
 */
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };
const FORM_LIMIT = 16_000;

export async function GET(request: NextRequest, { params }: Params) {
  const allowed = await takeRateLimit("survey", clientKey(request));
  if (!allowed.ok) return tooManyRequests(allowed.retryAfterSeconds);
  return htmlAnswer(await surveyPage((await params).token, { method: "GET", path: request.nextUrl.pathname }));
}

export async function POST(request: NextRequest, { params }: Params) {
  const allowed = await takeRateLimit("survey", clientKey(request));
  if (!allowed.ok) return tooManyRequests(allowed.retryAfterSeconds);
  if (!isSameOrigin(request.headers, new URL(env().AUTH_URL).origin))
    return htmlAnswer({
      status: 403,
      html: messagePage(
        "This answer was not sent from the survey",
        "Open the survey link from the email and answer there.",
      ),
    });
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length) || length > FORM_LIMIT)
    return htmlAnswer({
      status: 413,
      html: messagePage("The answer is too long", "Answers hold up to 2,000 characters."),
    });
  const type = request.headers.get("content-type") ?? "";
  let form: { reason?: string; text?: string } = {};
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    const data = new URLSearchParams(await request.text());
    form = { reason: data.get("reason") ?? undefined, text: data.get("text") ?? undefined };
  } else
    return htmlAnswer({
      status: 415,
      html: messagePage("This answer could not be read", "Send the survey's form as it is."),
    });
  return htmlAnswer(await surveyPage((await params).token, { method: "POST", path: request.nextUrl.pathname, form }));
}
