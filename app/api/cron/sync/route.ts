import { safeEqual } from "@/lib/crypto/sign";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { clientKey, limited } from "@/lib/http/rate-limit";
import { syncAll } from "@/lib/sync/sync";

export const dynamic = "force-dynamic";

/**
 * For an external scheduler: syncs every workspace's published listings and answers what each
 * run did. `Authorization: Bearer <CRON_SECRET>`; 503 while no secret is configured.
 */
export const POST = (request: Request) => limited("cron", clientKey(request), () => sync(request));

const sync = route(async (request: Request) => {
  const secret = env().CRON_SECRET;
  if (!secret)
    throw new AppError("SERVICE_UNAVAILABLE", "Scheduled syncs are off: set CRON_SECRET to enable this endpoint");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match || !safeEqual(match[1]!, secret))
    throw new AppError("UNAUTHENTICATED", "A valid Bearer CRON_SECRET is required");
  const runs = await syncAll("CRON");
  const failed = runs.filter((r) => r.status === "FAILED").length;
  return Response.json({
    runs: runs.map((r) => ({
      id: r.id,
      workspace: r.workspace,
      status: r.status,
      skipped: r.skipped,
      apps: r.appsTotal,
      added: r.added,
      updated: r.updated,
      removed: r.removed,
      error: r.error,
    })),
    failed,
  });
});
