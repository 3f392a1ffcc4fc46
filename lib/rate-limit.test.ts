import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows `limit` hits per window and says when to come back", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 1_000)).toEqual({ ok: true });
    expect(limiter.take("a", 2_000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(limiter.take("b", 2_000)).toEqual({ ok: true });
    expect(limiter.take("a", 60_000)).toEqual({ ok: true });
  });

  it("keeps at most maxKeys keys", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    // "a" was evicted, so it starts a new window.
    expect(limiter.take("a", 1)).toEqual({ ok: true });
  });
});
