/**
 * A fixed-window counter in memory: enough to stop one visitor flooding a public form. Keys
 * expire with their window; the map is capped so a flood of distinct keys cannot grow it.
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Whether one more hit for `key` is allowed now; counts it when it is. */
    take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= now) {
        if (hits.size >= maxKeys) {
          for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
          if (hits.size >= maxKeys) hits.delete(hits.keys().next().value!);
        }
        hits.set(key, { count: 1, resetAt: now + windowMs });
        return { ok: true };
      }
      if (entry.count >= limit) return { ok: false, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
      entry.count += 1;
      return { ok: true };
    },
  };
}

/** The client's address as the nearest proxy saw it (only used to group requests, never trusted for access). */
export function clientKey(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}
