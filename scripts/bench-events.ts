import { PrismaClient } from "../lib/generated/prisma/client";
import Database from "better-sqlite3";
import { hashApiToken, newApiToken } from "../lib/api-tokens/token";
import { startRedis } from "../lib/test/redis";
import Redis from "ioredis";
import { run, start, waitForUrl } from "./process";
import { base, fmt, hasProgram, PORT, record } from "./bench-kit";

const EVENT_BATCH = 500;
const EVENT_CLIENTS = 4;
const EVENT_BATCHES = Number(process.env.BENCH_EVENT_BATCHES ?? 160);

/**
 * Events per second through the events API (batches of 500 from 4 concurrent clients, 10% of
 * batches sent twice) next to the raw insert rate of the same rows through better-sqlite3 in
 * one transaction; then the stored count must equal the distinct events sent.
 */
export async function eventsFigures(db: PrismaClient, workspaceId: string, base: string, rawFile: string) {
  const token = newApiToken();
  await db.apiToken.create({
    data: { workspaceId, name: "Bench", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
  });
  const app = await db.app.create({
    data: {
      workspaceId,
      name: "Bench events",
      type: "PUBLIC",
      clientId: "bench-events",
      callbackUrl: "https://bench.example.com/cb",
    },
  });
  const sends = eventBatches(EVENT_BATCHES, "bench");
  const batches = sends.filter((batch, i) => sends.indexOf(batch) === i);
  const distinct = EVENT_BATCHES * EVENT_BATCH;
  const { answered, seconds: apiSeconds } = await sendBatches(`${base}/api/v1/apps/${app.id}/events`, token, sends);
  const apiRate = answered / apiSeconds;

  // The baseline: the same rows, raw, in one transaction, into the same table layout.
  const raw = new Database(rawFile);
  raw.exec(`CREATE TABLE InstallEvent (id TEXT PRIMARY KEY, appId TEXT NOT NULL, dedupeKey TEXT NOT NULL, type TEXT NOT NULL, companyId INTEGER, userId INTEGER, occurredAt DATETIME NOT NULL, scopes TEXT, source TEXT NOT NULL, createdAt DATETIME NOT NULL);
            CREATE UNIQUE INDEX k ON InstallEvent (appId, dedupeKey); CREATE INDEX t ON InstallEvent (appId, occurredAt);`);
  raw.pragma("journal_mode = WAL");
  const insert = raw.prepare("INSERT INTO InstallEvent VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const rows = batches.flat();
  const rawBegan = performance.now();
  raw.transaction(() => {
    for (const e of rows)
      insert.run(
        e.id,
        "bench",
        `api:${e.id}`,
        e.type,
        e.company_id,
        e.user_id,
        e.occurred_at,
        null,
        "API",
        new Date().toISOString(),
      );
  })();
  const rawRate = rows.length / ((performance.now() - rawBegan) / 1000);
  raw.close();

  const stored = await db.installEvent.count({ where: { appId: app.id } });
  const ratio = apiRate / rawRate;
  console.log(
    `\nevents API: ${fmt(answered)} events (${fmt(distinct)} distinct; every 10th batch sent twice) in ${fmt(apiSeconds, 1)} s by ${EVENT_CLIENTS} clients, batches of ${EVENT_BATCH}`,
  );
  console.log("| path | events/s |");
  console.log("|---|---:|");
  console.log(`| events API (HTTP, validation, idempotence, installations, rollups) | ${fmt(apiRate)} |`);
  console.log(`| raw better-sqlite3 insert, one transaction (baseline) | ${fmt(rawRate)} |`);
  console.log(`events API ÷ raw inserts: ${fmt(ratio, 3)} (goal ≥ 0.10) ${ratio >= 0.1 ? "✓" : "✗"}`);
  console.log(
    `stored after the run: ${fmt(stored)} events for ${fmt(distinct)} distinct sent ${stored === distinct ? "✓" : "✗"}`,
  );
  return { ratio, exact: stored === distinct };
}

type EventBatch = { id: string; type: string; company_id: number; user_id: number; occurred_at: string }[];

/** Batches of the same made-up history: every 10th sent twice. */
function eventBatches(count: number, prefix: string): EventBatch[] {
  const start = Date.now() - 3 * 365 * 86_400_000;
  const batches = Array.from({ length: count }, (_, b) =>
    Array.from({ length: EVENT_BATCH }, (_, i) => {
      const n = b * EVENT_BATCH + i;
      return {
        id: `${prefix}-${n}`,
        type: n % 4 === 3 ? "uninstall" : "install",
        company_id: 1 + (n % 20_000),
        user_id: 1 + (n % 37),
        occurred_at: new Date(start + n * 60_000).toISOString(),
      };
    }),
  );
  return batches.flatMap((batch, b) => (b % 10 === 0 ? [batch, batch] : [batch]));
}

/** Sends the batches from EVENT_CLIENTS concurrent clients; every one must be accepted. */
async function sendBatches(url: string, token: string, sends: EventBatch[]) {
  const began = performance.now();
  let next = 0;
  let answered = 0;
  await Promise.all(
    Array.from({ length: EVENT_CLIENTS }, async () => {
      for (let i = next++; i < sends.length; i = next++) {
        const res = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ events: sends[i] }),
        });
        if (res.status !== 202) throw new Error(`The events API answered ${res.status}: ${await res.text()}`);
        answered += sends[i]!.length;
      }
    }),
  );
  return { answered, seconds: (performance.now() - began) / 1000 };
}

/**
 * The events API with the rate limiter in a real Redis (a second `next start` on the same
 * database with `REDIS_URL`) against the first server (limits in memory), alternating rounds,
 * each on a fresh app: the shared limiter must not become the bottleneck.
 */
export async function redisFigures(db: PrismaClient, workspaceId: string, env: NodeJS.ProcessEnv) {
  if (!hasProgram("redis-server")) {
    const why = "skipped: redis-server is not installed here (apt-get install redis-server, as .ci/run does)";
    console.log(`\nevents API with REDIS_URL: ${why}`);
    record("events API with REDIS_URL ÷ without (events/s)", why, "≥ 0.90", null);
    return;
  }
  const redis = await startRedis();
  const port = PORT + 1;
  const redisBase = `http://localhost:${port}`;
  const child = start("next", ["start", "-p", String(port)], {
    env: { ...env, REDIS_URL: redis.url, AUTH_URL: redisBase },
    stdio: "ignore",
  });
  try {
    await waitForUrl(`${redisBase}/`);
    const token = newApiToken();
    await db.apiToken.create({
      data: { workspaceId, name: "Bench Redis", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
    });
    const rate = async (target: string, round: number, batches = EVENT_BATCHES / 2) => {
      const app = await db.app.create({
        data: {
          workspaceId,
          name: `Bench events ${round}`,
          type: "PUBLIC",
          clientId: `bench-events-${round}`,
          callbackUrl: "https://bench.example.com/cb",
        },
      });
      const { answered, seconds } = await sendBatches(
        `${target}/api/v1/apps/${app.id}/events`,
        token,
        eventBatches(batches, `r${round}`),
      );
      return answered / seconds;
    };
    // The second server has served nothing yet: warm both up the same way before measuring.
    await rate(base, 100, 20);
    await rate(redisBase, 101, 20);
    const without: number[] = [];
    const withRedis: number[] = [];
    for (let round = 0; round < 3; round++) {
      without.push(await rate(base, round * 2));
      withRedis.push(await rate(redisBase, round * 2 + 1));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(withRedis) / mean(without);
    // The limits really were counted in Redis.
    const client = new Redis(redis.url);
    const keys = (await client.keys("ls-events*")).length;
    client.disconnect();
    if (keys === 0) throw new Error("No rate-limit key reached Redis: the second server did not use REDIS_URL");
    console.log(
      `\nevents API with REDIS_URL (rate limits in redis-server) ÷ without: ${fmt(ratio, 2)} (${fmt(mean(withRedis))} vs ${fmt(mean(without))} events/s; goal ≥ 0.90) ${ratio >= 0.9 ? "✓" : "✗"}`,
    );
    record(
      "events API with REDIS_URL ÷ without (events/s)",
      `${fmt(ratio, 2)} (${fmt(mean(withRedis))} vs ${fmt(mean(without))})`,
      "≥ 0.90",
      ratio >= 0.9,
    );
  } finally {
    child.kill("SIGTERM");
    await redis.stop();
  }
}
