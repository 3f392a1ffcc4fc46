import { checkShareLink, countShareView, type GateAnswer } from "./gate";
import { sharePage } from "./page-cache";
import { SHARE_PAGE_CSP } from "@/lib/csp";
import { takeRateLimit } from "@/lib/rate-limit";
import { SHARE_HEADERS, shareBusyResponse, shareStatusResponse, type ShareResponse } from "./status-page";
import { hashShareToken, isShareToken } from "./token";

export type ShareRequest = {
  method: string;
  token: string;
  ifNoneMatch: string | null;
  /** The client's address, for the rate limit. */
  client: string;
};

/** The link behind a token as the in-memory gate knows it, or the answer for a token that does not work. */
export async function gateToken(token: string): Promise<{ hash: string; answer: Extract<GateAnswer, { status: "ok" }> } | { response: ShareResponse }> {
  if (!isShareToken(token)) return { response: shareStatusResponse(404) };
  const hash = hashShareToken(token);
  const answer = await checkShareLink(hash);
  if (answer.status !== "ok") return { response: shareStatusResponse(answer.status === "gone" ? 410 : 404) };
  return { hash, answer };
}

/**
 * The page of `/p/<token>`. Every request checks the link in memory (revoked or expired → 410
 * at once, unknown → 404). The page is rendered once and served from memory; views are counted
 * in memory and written in batches. (Its images and comments have their own routes, reached
 * through the same URL: see next.config.ts.)
 */
export async function handleSharePage(req: ShareRequest): Promise<ShareResponse> {
  const allowed = await takeRateLimit("share", req.client);
  if (!allowed.ok) return shareBusyResponse(allowed.retryAfterSeconds);
  const gated = await gateToken(req.token);
  if ("response" in gated) return gated.response;
  const { hash, answer } = gated;
  if (req.method !== "GET" && req.method !== "HEAD") {
    return { status: 405, headers: { ...SHARE_HEADERS, allow: "GET, HEAD", "content-type": "application/json" }, body: JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: "Use GET" } }) };
  }

  const page = await sharePage(hash);
  if (!page) return shareStatusResponse(410);
  if (req.method === "GET") countShareView(answer.id);
  const headers = { ...SHARE_HEADERS, "content-security-policy": SHARE_PAGE_CSP, etag: page.etag, "content-type": "text/html; charset=utf-8" };
  if (req.ifNoneMatch === page.etag) return { status: 304, headers };
  return { status: 200, headers, body: page.body };
}
