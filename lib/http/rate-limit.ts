import { createHash } from "node:crypto";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { addressGroup, CLIENT_HEADER } from "@/lib/http/client-address";
import { env } from "@/lib/server/env";
import { redis } from "@/lib/server/redis";
import {
  parseRateLimitOverrides,
  RATE_LIMITS,
  type RateLimit,
  type RateLimitName,
} from "@/lib/server/rate-limits-config";

/**
 * Rate limits of the public entry points, counted by rate-limiter-flexible: in Redis when
 * `REDIS_URL` is set (one count across the instances), in memory otherwise (one count per
 * instance). A store that fails lets requests through (fail open): a rate limit must not take
 * the product down with it.
 */

export {
  parseRateLimitOverrides,
  RATE_LIMITS,
  type RateLimit,
  type RateLimitName,
} from "@/lib/server/rate-limits-config";

export type RateLimitStore = (
  options: IRateLimiterOptions & { keyPrefix: string; points: number; duration: number },
) => RateLimiterAbstract;

const memoryStore: RateLimitStore = (options) => new RateLimiterMemory(options);
/** With Redis: commands that cannot reach it fail at once (and the request goes through). */
const sharedStore: RateLimitStore = (options) => {
  const client = redis();
  return client
    ? new RateLimiterRedis({ ...options, storeClient: client, rejectIfRedisNotReady: true })
    : new RateLimiterMemory(options);
};
let store = sharedStore;
const limiters = new Map<RateLimitName, RateLimiterAbstract>();

const rateLimitOf = (name: RateLimitName): RateLimit =>
  parseRateLimitOverrides(env().RATE_LIMITS)[name] ?? RATE_LIMITS[name];

function limiter(name: RateLimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const { points, duration } = rateLimitOf(name);
    found = store({ keyPrefix: `ls-${name}`, points, duration });
    limiters.set(name, found);
  }
  return found;
}

/** Plugs in another store (and forgets the counts so far); the default is Redis when configured, memory otherwise. */
export function useRateLimitStore(next: RateLimitStore = sharedStore) {
  store = next;
  limiters.clear();
}

/** Forgets every count and re-reads the limits (tests change `RATE_LIMITS` between cases). */
export const resetRateLimits = () => limiters.clear();

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request for `key` under the named limit and says whether it may go on. */
export async function takeRateLimit(name: RateLimitName, key: string): Promise<RateLimitVerdict> {
  const counter = limiter(name);
  try {
    await counter.consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    // A shared store that is down must not take the product down with it.
    return { ok: true };
  }
}

/** The JSON answer to a request over its limit: 429 with `Retry-After`. */
export function tooManyRequests(retryAfterSeconds: number, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code: "RATE_LIMITED", message: `Too many requests: try again in ${retryAfterSeconds} s` } },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store", ...headers } },
  );
}

/** Runs `handler` only when the request is within the named limit; otherwise answers 429. */
export async function limited(
  name: RateLimitName,
  key: string,
  handler: () => Response | Promise<Response>,
): Promise<Response> {
  const verdict = await takeRateLimit(name, key);
  return verdict.ok ? handler() : tooManyRequests(verdict.retryAfterSeconds);
}

/**
 * The client's address, as the server worked it out from the socket and the trusted proxies
 * (lib/http/client-address.ts stamps it on every request; a client's own headers are not believed),
 * with IPv6 clients grouped by their /64. Only used to group requests, never for access.
 */
export function clientKey(request: Request): string {
  return addressGroup(request.headers.get(CLIENT_HEADER) ?? "unstamped");
}

/** A key per credential (a token's row id, an app) without keeping the credential itself in the counter's store. */
export const credentialKey = (credential: string) =>
  `cred:${createHash("sha256").update(credential).digest("base64url").slice(0, 22)}`;
