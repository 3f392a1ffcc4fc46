import { tokenOf } from "@/lib/api-tokens/service";
import { readJson, route } from "@/lib/http/route";
import { receiveApiEvents } from "@/lib/installs/events-api";
import { clientKey, credentialKey, takeRateLimit, tooManyRequests } from "@/lib/http/rate-limit";

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
  const { appId } = await params;
  const answer = await receiveApiEvents(token.workspaceId, appId, () => readJson(request, 1_000_000));
  return Response.json(answer, { status: 202 });
});
