/**
 * The rate limits and the format of their `RATE_LIMITS` overrides, with no other import: the
 * environment is validated with the same parser (lib/server/env.ts), so a wrong override stops the
 * server at start-up instead of passing unnoticed.
 */

export const RATE_LIMITS = {
  /** Sign-in requests (`/api/auth/*` except reading the session), per client address. */
  signin: { points: 30, duration: 60 },
  /** Share pages, per client address. */
  share: { points: 600, duration: 60 },
  /** Comments sent from share pages, per link and client address. */
  comment: { points: 5, duration: 600 },
  /** Install gateway (installation URL, callback), and uninstall calls that fail authentication, per client address and app. */
  gateway: { points: 60, duration: 60 },
  /** Events API requests (each up to 1,000 events), per API token once authenticated; failed authentications per client address. */
  events: { points: 300, duration: 60 },
  /** "Check" of an app's Marketplace page URL (one outbound request each), per workspace. */
  pagecheck: { points: 20, duration: 60 },
  /** Unsubscribe links from notification emails (a signed token, no session), per client address. */
  unsubscribe: { points: 30, duration: 60 },
  /** Opens of review links counted, per client address (over it the link still redirects, uncounted). */
  reviewlink: { points: 30, duration: 60 },
  /** Uninstall survey pages and answers, and customers' unsubscribe links, per client address. */
  survey: { points: 30, duration: 60 },
  /** The cron endpoint, per client address (checked before the secret, so guessing it is slow too). */
  cron: { points: 10, duration: 60 },
  /** "Send a test email" to oneself, per person. */
  testemail: { points: 5, duration: 600 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;
export type RateLimit = { points: number; duration: number };
/** Parses `RATE_LIMITS` overrides: `name=points/seconds` separated by commas (e.g. `share=5000/60`). */
export function parseRateLimitOverrides(value: string | undefined): Partial<Record<RateLimitName, RateLimit>> {
  const overrides: Partial<Record<RateLimitName, RateLimit>> = {};
  for (const part of (value ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)=(\d+)\/(\d+(?:\.\d+)?)$/.exec(part);
    if (!match || !(match[1]! in RATE_LIMITS))
      throw new Error(`"${part}" is not name=points/seconds with a name among ${Object.keys(RATE_LIMITS).join(", ")}`);
    const points = Number(match[2]);
    const duration = Number(match[3]);
    if (points < 1 || duration <= 0) throw new Error(`"${part}" needs at least 1 point and a positive duration`);
    overrides[match[1] as RateLimitName] = { points, duration };
  }
  return overrides;
}
