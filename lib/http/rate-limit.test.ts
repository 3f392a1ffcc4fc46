import { afterEach, describe, expect, it } from "vitest";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { parseRateLimitOverrides, resetRateLimits, takeRateLimit, useRateLimitStore } from "./rate-limit";

afterEach(() => useRateLimitStore());

describe("parseRateLimitOverrides", () => {
  it("reads name=points/seconds pairs", () => {
    expect(parseRateLimitOverrides("share=5000/60, events=10/0.5")).toEqual({
      share: { points: 5000, duration: 60 },
      events: { points: 10, duration: 0.5 },
    });
    expect(parseRateLimitOverrides(undefined)).toEqual({});
  });

  it.each(["share", "share=10", "nope=1/60", "share=0/60", "share=1/0"])("refuses %s with a clear message", (value) => {
    expect(() => parseRateLimitOverrides(value)).toThrow(/is not name=points\/seconds|needs at least 1 point/);
  });
});

describe("takeRateLimit", () => {
  it("allows the limit per key, says when to come back, and counts each key apart", async () => {
    const limits: number[] = [];
    useRateLimitStore((options) => {
      limits.push(options.points);
      return new RateLimiterMemory({ ...options, points: 2, duration: 60 });
    });
    expect(await takeRateLimit("share", "a")).toEqual({ ok: true });
    expect(await takeRateLimit("share", "a")).toEqual({ ok: true });
    expect(await takeRateLimit("share", "a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(await takeRateLimit("share", "b")).toEqual({ ok: true });
    // The store received the configured limit of the share pages.
    expect(limits).toEqual([600]);
  });

  it("lets requests through when a shared store fails", async () => {
    useRateLimitStore(
      () => ({ consume: () => Promise.reject(new Error("store down")) }) as unknown as RateLimiterMemory,
    );
    resetRateLimits();
    expect(await takeRateLimit("events", "k")).toEqual({ ok: true });
  });
});
