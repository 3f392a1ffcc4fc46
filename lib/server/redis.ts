import Redis from "ioredis";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";

/**
 * The Redis server the instances share, when `REDIS_URL` is set (null otherwise). Commands fail
 * at once while it is unreachable — nothing queues up waiting for it — and what uses it falls
 * back: rate limits let requests through (fail open). One warning is
 * logged when the connection is lost, one line when it is back.
 */
type RedisState = { client: Redis | null; url: string | null; down: boolean };
const state: RedisState = ((globalThis as unknown as { __redis?: RedisState }).__redis ??= {
  client: null,
  url: null,
  down: false,
});

export function redis(): Redis | null {
  const url = env().REDIS_URL ?? null;
  if (!url) return null;
  if (state.client && state.url === url) return state.client;
  state.client?.disconnect();
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // Keep trying to come back, at most every 2 seconds.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
  });
  client.on("error", (error) => {
    if (state.down) return;
    state.down = true;
    log().warn(
      { err: { message: error.message } },
      "Redis is unreachable: rate limits let requests through until it is back",
    );
  });
  client.on("ready", () => {
    if (!state.down) return;
    state.down = false;
    log().info("Redis is reachable again");
  });
  state.client = client;
  state.url = url;
  return client;
}

/** Whether the shared store answered last time (false while it is down). */
export const redisUp = () => state.client !== null && !state.down && state.client.status === "ready";
