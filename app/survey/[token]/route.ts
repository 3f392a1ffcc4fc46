import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { clientKey, takeRateLimit, tooManyRequests } from "@/lib/http/rate-limit";
import { readForm } from "@/lib/http/route";
import { htmlAnswer } from "@/lib/outreach/http";
import { messagePage } from "@/lib/outreach/page-html";
import { surveyPage } from "@/lib/outreach/public";
import { assertSameOrigin } from "@/lib/security/origin";

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
  try {
    assertSameOrigin(request, { accepts: ["application/x-www-form-urlencoded"] });
  } catch (error) {
    const cross = error instanceof AppError && error.code === "FORBIDDEN";
    return htmlAnswer(
      cross
        ? {
            status: 403,
            html: messagePage(
              "This answer was not sent from the survey",
              "Open the survey link from the email and answer there.",
            ),
          }
        : { status: 415, html: messagePage("This answer could not be read", "Send the survey's form as it is.") },
    );
  }
  let form: FormData | null;
  try {
    form = await readForm(request, FORM_LIMIT);
  } catch {
    return htmlAnswer({
      status: 413,
      html: messagePage("The answer is too long", "Answers hold up to 2,000 characters."),
    });
  }
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return htmlAnswer(
    await surveyPage((await params).token, {
      method: "POST",
      path: request.nextUrl.pathname,
      form: { reason: field("reason"), text: field("text") },
    }),
  );
}
