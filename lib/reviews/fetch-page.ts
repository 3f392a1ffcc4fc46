/**
 * The polite client that fetches a public listing page: it says who it is, gives up after a
 * timeout, retries server errors and timeouts with exponential backoff and jitter, and waits as
 * long as a 429's `Retry-After` asks (within a cap). One page per call.
 */
import { outboundFetch, refusalOf, type OutboundPolicy } from "@/lib/net/outbound";

export const USER_AGENT = "ListingStudio-MarketplaceSync/1.0 (+https://listing-studio.example/bot; reads public listing pages once per app per run)";

export type FetchPageOptions = {
  attempts?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits (a test passes a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** What may be connected to (lib/net/outbound.ts): the operator's Marketplace origin is trusted by the sync. */
  policy?: OutboundPolicy;
};

export class PageFetchError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "PageFetchError";
  }
}

/** Seconds, or an HTTP date; null when absent or unusable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export async function fetchListingPage(url: string, options: FetchPageOptions = {}): Promise<string> {
  const { attempts = 4, timeoutMs = 15_000, baseDelayMs = 1_000, maxDelayMs = 60_000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), random = Math.random, now = Date.now, policy = {} } = options;
  let lastStatus: number | null = null;
  let lastProblem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random());
    try {
      const res = await outboundFetch(url, { headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml" }, maxRedirects: 5, signal: AbortSignal.timeout(timeoutMs) }, policy);
      lastStatus = res.status;
      if (res.ok) return await res.text();
      await res.body?.cancel();
      if (res.status === 429) {
        const asked = retryAfterMs(res.headers.get("retry-after"), now());
        lastProblem = "the site asked us to slow down (429)";
        if (asked !== null) {
          if (asked > maxDelayMs) throw new PageFetchError(`The site asked to wait ${Math.round(asked / 1000)} s before the next request; the run stops here`, attempt, 429);
          wait = asked;
        }
      } else if (res.status >= 500) {
        lastProblem = `the site answered HTTP ${res.status}`;
      } else {
        throw new PageFetchError(`The listing page answered HTTP ${res.status}`, attempt, res.status);
      }
    } catch (error) {
      if (error instanceof PageFetchError) throw error;
      const refused = refusalOf(error);
      if (refused) throw new PageFetchError(`The listing page's address is not allowed (${refused.reason})`, attempt, null);
      lastStatus = null;
      lastProblem = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}` : "the connection failed";
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw new PageFetchError(`The listing page could not be fetched after ${attempts} attempts: ${lastProblem}`, attempts, lastStatus);
}
