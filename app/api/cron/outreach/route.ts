import { safeEqual } from "@/lib/crypto/sign";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { clientKey, limited } from "@/lib/http/rate-limit";
import { runOutreachRound } from "@/lib/outreach/worker";

export const dynamic = "force-dynamic";

/**
 * For an external scheduler (or to send at once): one outreach round — review requests and surveys that are due
 * are planned and sent. `Authorization: Bearer <CRON_SECRET>`; 503 while no secret is configured or email is off.
 */
export const POST = (request: Request) => limited("cron", clientKey(request), () => round(request));

const round = route(async (request: Request) => {
  const secret = env().CRON_SECRET;
  if (!secret)
    throw new AppError("SERVICE_UNAVAILABLE", "Scheduled rounds are off: set CRON_SECRET to enable this endpoint");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match || !safeEqual(match[1]!, secret))
    throw new AppError("UNAUTHENTICATED", "A valid Bearer CRON_SECRET is required");
  if (!env().SMTP_URL)
    throw new AppError("SERVICE_UNAVAILABLE", "Email is off: set SMTP_URL to send review requests and surveys");
  return Response.json(await runOutreachRound({ limit: 100 }));
});
