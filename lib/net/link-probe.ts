import { NOT_ALLOWED, outboundFetch, refusalOf, type OutboundPolicy } from "@/lib/net/outbound";

export type LinkCheckOutcome = { ok: boolean; status: number | null; error: string | null };

type Options = {
  timeoutMs?: number;
  /** What the check may connect to (see lib/net/outbound.ts): public https addresses by default. */
  policy?: OutboundPolicy;
  maxRedirects?: number;
};

const USER_AGENT = "ListingStudio-LinkCheck/1.0 (+https://listing-studio.example/link-check)";

/**
 * Whether a listing link answers 2xx: HEAD first (GET when a server refuses HEAD), through the
 * outbound guard (every redirect checked), one timeout for the whole check.
 */
export async function checkLink(
  raw: string,
  { timeoutMs = 5_000, policy = {}, maxRedirects = 5 }: Options = {},
): Promise<LinkCheckOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  const request = async (method: string) =>
    outboundFetch(
      raw,
      { method, maxRedirects, signal, headers: { "user-agent": USER_AGENT, accept: "text/html,*/*" } },
      policy,
    );
  try {
    let res = await request("HEAD");
    if (res.status === 405 || res.status === 501 || res.status === 403) {
      await res.body?.cancel();
      res = await request("GET");
    }
    await res.body?.cancel();
    if (res.status >= 300 && res.status < 400) return { ok: false, status: null, error: "too many redirects" };
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: null };
  } catch (error) {
    if (signal.aborted)
      return {
        ok: false,
        status: null,
        error: `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
      };
    const refused = refusalOf(error);
    if (refused)
      return { ok: false, status: null, error: refused.reason === NOT_ALLOWED ? NOT_ALLOWED : refused.reason };
    const message = error instanceof Error ? error.message : String(error);
    const code = String(
      (error as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (error as { code?: unknown }).code ?? "",
    );
    if (/ENOTFOUND|EAI_AGAIN/.test(code + message))
      return { ok: false, status: null, error: "the domain does not resolve" };
    return { ok: false, status: null, error: "the connection failed" };
  }
}
