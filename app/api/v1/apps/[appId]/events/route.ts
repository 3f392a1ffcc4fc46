import { tokenOf } from "@/lib/api-tokens/service";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { readJson, route } from "@/lib/http";
import { eventsBodySchema, parseEvents, type EventResult } from "@/lib/installs/events-api";
import { ingestEvents } from "@/lib/installs/ingest";
import { clientKey, credentialKey, takeRateLimit, tooManyRequests } from "@/lib/rate-limit";

type Params = { params: Promise<{ appId: string }> };

/**
 * Install events from apps that keep their own callback. Bearer: a workspace API token.
 * Body `{ events: [...] }` (1–1000, ≤ 1 MB). Answers 202 with a result per event — accepted,
 * duplicate (its id was seen before) or invalid with the reason; one bad event never refuses
 * the others. A token of another workspace gets 404, as if the app did not exist.
 * Authenticated first, then limited per token: nobody without the token can use up its quota;
 * failed authentications are limited per client address.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  let token: Awaited<ReturnType<typeof tokenOf>>;
  try {
    token = await tokenOf(request.headers.get("authorization"));
  } catch (error) {
    const failed = await takeRateLimit("events", `ip:${clientKey(request)}`);
    if (!failed.ok) return tooManyRequests(failed.retryAfterSeconds);
    throw error;
  }
  const verdict = await takeRateLimit("events", credentialKey(token.id));
  if (!verdict.ok) return tooManyRequests(verdict.retryAfterSeconds);
  const workspaceId = token.workspaceId;
  const { appId } = await params;
  const app = typeof appId === "string" && appId.length <= 64 ? await db.app.findFirst({ where: { id: appId, workspaceId }, select: { id: true } }) : null;
  if (!app) throw notFound("App");
  const { events } = eventsBodySchema.parse(await readJson(request, 1_000_000));
  const { valid, invalid } = parseEvents(events);
  const stored = ingestEvents(app.id, valid.map((v) => v.event));
  const results: EventResult[] = [...invalid, ...valid.map((v, i) => ({ index: v.index, id: v.id, status: stored[i]! }))].sort((a, b) => a.index - b.index);
  const count = (status: EventResult["status"]) => results.filter((r) => r.status === status).length;
  return Response.json({ accepted: count("accepted"), duplicates: count("duplicate"), invalid: count("invalid"), results }, { status: 202 });
});
