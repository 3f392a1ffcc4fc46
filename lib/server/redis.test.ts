import { afterAll, describe, expect, it } from "vitest";
import { startRedis } from "@/lib/test/redis";

/**
 * Rate limits in a real Redis: counted once for every instance, and failing open (with one
 * warning) while Redis is down.
 */
const server = await startRedis();
process.env.REDIS_URL = server.url;
process.env.RATE_LIMITS = "share=5/60";
const { takeRateLimit, useRateLimitStore } = await import("@/lib/http/rate-limit");
const { redis } = await import("./redis");
const { captureLogs } = await import("@/lib/test/capture-logs");
const { setLogDestination } = await import("./log");
const Redis = (await import("ioredis")).default;
const { RateLimiterRedis } = await import("rate-limiter-flexible");
afterAll(() => server.stop());

describe("rate limits with REDIS_URL", () => {
  it("are counted in Redis, once for every instance", async () => {
    useRateLimitStore();
    await expect.poll(() => redis()?.status).toBe("ready");
    // This process, and a second instance with its own connection, as another server would have.
    const other = new Redis(server.url);
    other.on("error", () => {});
    const otherLimiter = new RateLimiterRedis({ storeClient: other, keyPrefix: "ls-share", points: 5, duration: 60 });
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push((await takeRateLimit("share", "203.0.113.5")).ok);
    for (let i = 0; i < 2; i++)
      verdicts.push(
        await otherLimiter.consume("203.0.113.5").then(
          () => true,
          () => false,
        ),
      );
    verdicts.push((await takeRateLimit("share", "203.0.113.5")).ok);
    expect(verdicts).toEqual([true, true, true, true, true, false]);
    expect(Number(await other.get("ls-share:203.0.113.5"))).toBe(6);
    other.disconnect();
  });

  it("let requests through when Redis stops, with one warning, and count again once it is back", async () => {
    const lines = captureLogs();
    const port = server.port;
    await server.stop();
    const started = Date.now();
    const verdicts = [];
    for (let i = 0; i < 20; i++) verdicts.push((await takeRateLimit("share", "198.51.100.9")).ok);
    expect(verdicts.every(Boolean)).toBe(true);
    // Failing open is immediate: nothing waits for a server that is not there.
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect.poll(() => lines.filter((l) => l.includes("Redis is unreachable")).length).toBe(1);
    // Back on the same port: the client reconnects by itself and limits count again.
    const again = await startRedis(port);
    await expect.poll(() => redis()?.status, { timeout: 10_000 }).toBe("ready");
    for (let i = 0; i < 5; i++) await takeRateLimit("share", "198.51.100.10");
    expect((await takeRateLimit("share", "198.51.100.10")).ok).toBe(false);
    expect(lines.filter((l) => l.includes("Redis is reachable again"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("Redis is unreachable"))).toHaveLength(1);
    setLogDestination(undefined);
    redis()?.disconnect();
    await again.stop();
  });
});
