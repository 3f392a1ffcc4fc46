/**
 * The polite client that fetches a public Marketplace page: it says who it is, gives up after a
 * timeout, retries server errors and timeouts with exponential backoff and jitter, and waits as
 * long as a 429's `Retry-After` asks (within a cap). A bot check is recognised and not retried;
 * a page larger than a listing can be is refused. One page per call, through the outbound guard.
 */
import { createHash } from "node:crypto";
import { outboundFetch, refusalOf, type OutboundPolicy } from "@/lib/net/outbound";
import { challengeMessage, challengeTitle } from "./challenge";

/** A listing page is a few hundred kilobytes; anything this large is not one. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

export const USER_AGENT =
  "ListingStudio-MarketplaceSync/1.0 (+https://listing-studio.example/bot; reads public listing pages once per app per run)";

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

/** What went wrong, for the advice that goes with it: an address to correct, or a site to wait for. */
export type PageFetchProblem = "not-found" | "refused" | "challenge" | "unavailable" | "http" | "too-large";

export class PageFetchError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status: number | null,
    readonly kind: PageFetchProblem = "http",
  ) {
    super(message);
    this.name = "PageFetchError";
  }
}

/** The body as text, up to `limit` bytes (a longer one is refused). */
async function readText(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      await body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
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
  const {
    attempts = 4,
    timeoutMs = 15_000,
    baseDelayMs = 1_000,
    maxDelayMs = 60_000,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    random = Math.random,
    now = Date.now,
    policy = {},
  } = options;
  let lastStatus: number | null = null;
  let lastProblem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random());
    try {
      const res = await outboundFetch(
        url,
        {
          headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml" },
          maxRedirects: 5,
          signal: AbortSignal.timeout(timeoutMs),
        },
        policy,
      );
      lastStatus = res.status;
      if (res.ok) {
        const text = await readText(res.body as ReadableStream<Uint8Array> | null, MAX_PAGE_BYTES);
        if (text === null)
          throw new PageFetchError(
            `The page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB: not a listing page`,
            attempt,
            res.status,
            "too-large",
          );
        return text;
      }
      // Bot checks answer 403 or 503 (or 429) with a page of their own: no use asking again now.
      const body =
        res.status === 403 || res.status === 503 || res.status === 429
          ? await readText(res.body as ReadableStream<Uint8Array> | null, 512 * 1024)
          : (await res.body?.cancel(), "");
      const challenge = body ? challengeTitle(body) : null;
      if (challenge) throw new PageFetchError(challengeMessage(challenge), attempt, res.status, "challenge");
      if (res.status === 429) {
        const asked = retryAfterMs(res.headers.get("retry-after"), now());
        lastProblem = "the site asked us to slow down (429)";
        if (asked !== null) {
          if (asked > maxDelayMs)
            throw new PageFetchError(
              `The site asked to wait ${Math.round(asked / 1000)} s before the next request; the run stops here`,
              attempt,
              429,
            );
          wait = asked;
        }
      } else if (res.status >= 500) {
        lastProblem = `the site answered HTTP ${res.status}`;
      } else if (res.status === 404 || res.status === 410) {
        throw new PageFetchError(
          `The listing page answered HTTP ${res.status}: there is no Marketplace page at this address`,
          attempt,
          res.status,
          "not-found",
        );
      } else {
        throw new PageFetchError(`The listing page answered HTTP ${res.status}`, attempt, res.status);
      }
    } catch (error) {
      if (error instanceof PageFetchError) throw error;
      const refused = refusalOf(error);
      if (refused)
        throw new PageFetchError(
          `The listing page's address is not allowed (${refused.reason})`,
          attempt,
          null,
          "refused",
        );
      lastStatus = null;
      lastProblem =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
          : "the connection failed";
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw new PageFetchError(
    `The listing page could not be fetched after ${attempts} attempts: ${lastProblem}`,
    attempts,
    lastStatus,
    "unavailable",
  );
}

/** Screenshots Pipedrive accepts are at most 10 MB; anything larger is not one. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * The SHA-256 of the picture at a page's screenshot address, through the same guard and with the same
 * name as page reads, one attempt: null when it cannot be fetched (not an image, too large, refused,
 * an error), so a screenshot that could not be read is never taken for a changed one.
 */
export async function fetchImageHash(
  url: string,
  { timeoutMs = 15_000, policy = {} }: Pick<FetchPageOptions, "timeoutMs" | "policy"> = {},
): Promise<string | null> {
  try {
    const res = await outboundFetch(
      url,
      {
        headers: { "user-agent": USER_AGENT, accept: "image/*" },
        maxRedirects: 5,
        signal: AbortSignal.timeout(timeoutMs),
      },
      policy,
    );
    const type = res.headers.get("content-type") ?? "";
    if (!res.ok || !/^image\//i.test(type)) {
      await res.body?.cancel();
      return null;
    }
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of res.body as ReadableStream<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_IMAGE_BYTES) return null;
      hash.update(chunk);
    }
    return hash.digest("hex");
  } catch {
    return null;
  }
}
