/**
 * The polite client that reads the public Marketplace — its pages and its JSON API. It says who it is
 * (a User-Agent naming the product and the operator's contact) and which language it reads, keeps
 * to one request per host every MARKETPLACE_PACE_MS and to robots.txt (./politeness.ts), gives up
 * after a timeout, retries server errors and timeouts with exponential backoff and jitter, and waits
 * as long as a 429's `Retry-After` asks (within a cap). A bot check is recognised and not retried; a
 * body larger than a page can be is refused. One address per call, through the outbound guard, with
 * the address it ended at after redirects.
 */
import { createHash } from "node:crypto";
import { backoffDelay } from "@/lib/backoff";
import { env } from "@/lib/server/env";
import { outboundFetch, refusalOf, type OutboundPolicy } from "@/lib/net/outbound";
import { challengeMessage, challengeTitle } from "./challenge";
import { isUnreadableRobots, newPoliteness, robotsOf, ROBOT_NAME, takeTurn, type Politeness } from "./politeness";

/** A listing page is a few hundred kilobytes; anything this large is not one. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** What the reader calls itself: the product, and who to contact about it (MARKETPLACE_CONTACT, else AUTH_URL). */
export function marketplaceUserAgent(): string {
  const { MARKETPLACE_CONTACT, AUTH_URL } = env();
  const contact = MARKETPLACE_CONTACT ?? `${AUTH_URL}/`;
  return `${ROBOT_NAME}/1.0 (+${contact}; reads public Marketplace pages of its users' apps, politely)`;
}

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
  /** The run's manners (pacing, robots.txt, waits); the process's own when none is given. */
  politeness?: Politeness;
  /** What is asked for: a page (HTML) or the API's JSON. */
  accept?: "html" | "json";
  /** What the page is, named in errors: "The listing page" (an app's) unless the caller reads another kind. */
  what?: string;
};

/** What went wrong, for the advice that goes with it: an address to correct, or a site to wait for. */
export type PageFetchProblem =
  "not-found" | "refused" | "challenge" | "unavailable" | "http" | "too-large" | "robots" | "forbidden";

export class PageFetchError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status: number | null,
    readonly kind: PageFetchProblem = "http",
    /** What the site answered, when it answered (kept as evidence of a failed read). */
    readonly response: MarketplaceResponse | null = null,
  ) {
    super(message);
    this.name = "PageFetchError";
  }
}

/** What the Marketplace answered: the address asked and the one it ended at, status, headers and body. */
export type MarketplaceResponse = {
  url: string;
  finalUrl: string;
  status: number;
  /** Response headers, without cookies. */
  headers: Record<string, string>;
  body: string;
  fetchedAt: Date;
};

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

/** The process's manners, for reads outside a run (a partner's Check, adding a competitor). */
let shared: Politeness | null = null;
const processPoliteness = () => (shared ??= newPoliteness({ paceMs: env().MARKETPLACE_PACE_MS }));
/** Forgets the process's robots.txt and turns (tests that change the site between cases). */
export const resetPoliteness = () => void (shared = null);

/** The page's language first (its address says it: /de/marketplace/…), then English. */
function acceptLanguage(url: URL) {
  const lang = /^\/([a-z]{2})(?:-[a-z]{2})?\//i.exec(url.pathname)?.[1]?.toLowerCase();
  return lang && lang !== "en" ? `${lang}, en;q=0.8` : "en";
}

const withoutCookies = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([k]) => !/^(set-cookie|cookie)$/i.test(k)));

export async function fetchMarketplace(url: string, options: FetchPageOptions = {}): Promise<MarketplaceResponse> {
  const {
    attempts = 4,
    timeoutMs = 15_000,
    baseDelayMs = 1_000,
    maxDelayMs = 60_000,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    random = Math.random,
    now = Date.now,
    policy = {},
    politeness = processPoliteness(),
    accept = "html",
  } = options;
  const what = accept === "json" ? "The Marketplace's API" : (options.what ?? "The listing page");
  const userAgent = marketplaceUserAgent();
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new PageFetchError(`${what}'s address is not a URL`, 0, null, "refused");
  }
  const rules = await robotsOf(politeness, target, { userAgent, policy, timeoutMs });
  if (!rules.allowed(target.href))
    throw new PageFetchError(
      isUnreadableRobots(rules)
        ? `${target.host}'s robots.txt could not be read, so nothing was read from the site this time (its rules are obeyed)`
        : `${target.host}'s robots.txt asks bots like Listing Studio's not to read ${target.pathname}: nothing was read`,
      0,
      null,
      "robots",
    );
  let lastStatus: number | null = null;
  let lastProblem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = backoffDelay(attempt, { baseMs: baseDelayMs, maxMs: maxDelayMs, jitter: 0.5, random: random() });
    await takeTurn(politeness, target.host, Math.max(politeness.paceMs, rules.delayMs), { sleep, now });
    try {
      const res = await outboundFetch(
        target,
        {
          headers: {
            "user-agent": userAgent,
            accept: accept === "json" ? "application/json" : "text/html,application/xhtml+xml",
            "accept-language": acceptLanguage(target),
          },
          maxRedirects: 5,
          signal: AbortSignal.timeout(timeoutMs),
        },
        policy,
      );
      lastStatus = res.status;
      const answered = (body: string): MarketplaceResponse => ({
        url: target.href,
        finalUrl: res.url || target.href,
        status: res.status,
        headers: withoutCookies(res.headers as unknown as Headers),
        body,
        fetchedAt: new Date(now()),
      });
      if (res.ok) {
        const text = await readText(res.body as ReadableStream<Uint8Array> | null, MAX_PAGE_BYTES);
        if (text === null)
          throw new PageFetchError(
            `${what} answered more than ${MAX_PAGE_BYTES / 1024 / 1024} MB: not a Marketplace page`,
            attempt,
            res.status,
            "too-large",
          );
        const response = answered(text);
        // A bot check answers in place of the page, sometimes with a 200.
        const challenge = accept === "html" ? challengeTitle(text) : null;
        if (challenge)
          throw new PageFetchError(challengeMessage(challenge), attempt, res.status, "challenge", response);
        return response;
      }
      // Bot checks answer 403, 405, 429 or 503 with a page of their own: no use asking again now.
      const body = [403, 405, 429, 503].includes(res.status)
        ? ((await readText(res.body as ReadableStream<Uint8Array> | null, 512 * 1024)) ?? "")
        : (await res.body?.cancel(), "");
      const challenge = body ? challengeTitle(body) : null;
      if (challenge)
        throw new PageFetchError(challengeMessage(challenge), attempt, res.status, "challenge", answered(body));
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
          `${what} answered HTTP ${res.status}: there is no Marketplace page at this address`,
          attempt,
          res.status,
          "not-found",
          answered(body),
        );
      } else if (res.status === 401 || res.status === 403) {
        throw new PageFetchError(
          `${what} answered HTTP ${res.status}: the site refused to show it`,
          attempt,
          res.status,
          "forbidden",
          answered(body),
        );
      } else {
        throw new PageFetchError(`${what} answered HTTP ${res.status}`, attempt, res.status, "http", answered(body));
      }
    } catch (error) {
      if (error instanceof PageFetchError) throw error;
      const refused = refusalOf(error);
      if (refused)
        throw new PageFetchError(`${what}'s address is not allowed (${refused.reason})`, attempt, null, "refused");
      lastStatus = null;
      lastProblem =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
          : "the connection failed";
    }
    if (attempt < attempts) {
      politeness.waitedMs += wait;
      await sleep(wait);
    }
  }
  throw new PageFetchError(
    `${what} could not be fetched after ${attempts} attempts: ${lastProblem}`,
    attempts,
    lastStatus,
    "unavailable",
  );
}

/** A listing or list page's HTML (the response's body). */
export async function fetchListingPage(url: string, options: FetchPageOptions = {}): Promise<string> {
  return (await fetchMarketplace(url, options)).body;
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
        headers: { "user-agent": marketplaceUserAgent(), accept: "image/*" },
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
