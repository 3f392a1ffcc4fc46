import robotsParser from "robots-parser";
import { outboundFetch, type OutboundPolicy } from "@/lib/net/outbound";

/**
 * How the Marketplace reader keeps to good manners with a site: one request at a time per host, at
 * most one every `paceMs` (a robots.txt `Crawl-delay` asks for more, and gets it), robots.txt read
 * once per host and obeyed, and every wait counted so a run can say how long it waited. One object
 * per run (the sync creates one); code that does not pass one shares the process's.
 */
export type Politeness = {
  paceMs: number;
  /** Read and obey robots.txt (tests of the client itself turn it off). */
  robots: boolean;
  /** When each host may be asked next (epoch ms). */
  next: Map<string, number>;
  rules: Map<string, Promise<Rules>>;
  /** Time spent waiting: between requests to one host, and as Retry-After asked. */
  waitedMs: number;
  requests: number;
  /** Called before each request, once its turn came (a sync run's heartbeat). */
  beforeRequest?: () => Promise<void>;
};

type Rules = { allowed: (url: string) => boolean; delayMs: number; sitemaps: string[] };
const EVERYTHING: Rules = { allowed: () => true, delayMs: 0, sitemaps: [] };
/** The most a robots.txt Crawl-delay is followed (a longer one is read as this). */
const MAX_CRAWL_DELAY_MS = 30_000;

export function newPoliteness({ paceMs, robots = true }: { paceMs: number; robots?: boolean }): Politeness {
  return { paceMs, robots, next: new Map(), rules: new Map(), waitedMs: 0, requests: 0 };
}

/** The product token robots.txt rules name. */
export const ROBOT_NAME = "ListingStudio-MarketplaceSync";

/**
 * The host's robots.txt, read once: a missing one (4xx) allows everything; one that cannot be read
 * (5xx, no answer) disallows everything for now, as RFC 9309 asks, and the read says so.
 */
export function robotsOf(
  politeness: Politeness,
  url: URL,
  { userAgent, policy, timeoutMs }: { userAgent: string; policy: OutboundPolicy; timeoutMs: number },
): Promise<Rules> {
  if (!politeness.robots) return Promise.resolve(EVERYTHING);
  let rules = politeness.rules.get(url.origin);
  if (!rules) {
    rules = (async () => {
      const address = `${url.origin}/robots.txt`;
      try {
        const res = await outboundFetch(
          address,
          { headers: { "user-agent": userAgent }, maxRedirects: 3, signal: AbortSignal.timeout(timeoutMs) },
          policy,
        );
        if (res.status >= 400 && res.status < 500) {
          await res.body?.cancel();
          return EVERYTHING;
        }
        if (!res.ok) {
          await res.body?.cancel();
          return unreadable;
        }
        const robot = robotsParser(address, (await res.text()).slice(0, 500_000));
        return {
          allowed: (u: string) => robot.isAllowed(u, ROBOT_NAME) !== false,
          delayMs: Math.min(MAX_CRAWL_DELAY_MS, (robot.getCrawlDelay(ROBOT_NAME) ?? 0) * 1000),
          sitemaps: robot.getSitemaps(),
        };
      } catch {
        return unreadable;
      }
    })();
    politeness.rules.set(url.origin, rules);
  }
  return rules;
}

const unreadable: Rules = { allowed: () => false, delayMs: 0, sitemaps: [] };
export const isUnreadableRobots = (rules: Rules) => rules === unreadable;

/** Waits for the host's turn, then books the next one `gapMs` later. */
export async function takeTurn(
  politeness: Politeness,
  host: string,
  gapMs: number,
  { sleep, now }: { sleep: (ms: number) => Promise<void>; now: () => number },
) {
  const at = politeness.next.get(host) ?? 0;
  const wait = Math.max(0, at - now());
  politeness.next.set(host, Math.max(at, now()) + gapMs);
  if (wait > 0) {
    politeness.waitedMs += wait;
    await sleep(wait);
  }
  politeness.requests++;
  await politeness.beforeRequest?.();
}
