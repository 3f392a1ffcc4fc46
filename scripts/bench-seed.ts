/**
 * `npm run bench:seed`: a large dataset for the analytics benchmark, in its own SQLite file
 * (BENCH_DB, default data/bench-analytics.db): 20 apps × three years of install history
 * (at least 1,000,000 events, written through the same ingest as production), a rating read
 * every day, and 50,000 reviews.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { prng, demoInstallHistory } from "../prisma/demo-installs";
import { run } from "./process";

export const BENCH_DB = process.env.BENCH_DB ?? "data/bench-analytics.db";
const APPS = Number(process.env.BENCH_APPS ?? 20);
const DAYS = 3 * 365;
const REVIEWS_PER_APP = Math.ceil(50_000 / APPS);

export async function seedBench(file = BENCH_DB) {
  const started = Date.now();
  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  await run("prisma", ["migrate", "deploy"], env, { quiet: true });
  process.env.DATABASE_URL = env.DATABASE_URL;
  const { rawDb } = await import("../lib/installs/raw-db");
  const { ingestEvents, sqliteTime } = await import("../lib/installs/ingest");
  const db = rawDb();
  const now = Date.now();
  const stamp = sqliteTime(now);
  db.prepare(`INSERT INTO Workspace (id, pipedriveCompanyId, name, timeZone, createdAt, updatedAt) VALUES ('bench-ws', 1, 'Bench', 'UTC', ?, ?)`).run(stamp, stamp);
  db.prepare(`INSERT INTO User (id, pipedriveCompanyId, pipedriveUserId, name, isPipedriveAdmin, createdAt, updatedAt) VALUES ('bench-user', 1, 1, 'Bench Owner', 1, ?, ?)`).run(stamp, stamp);
  db.prepare(`INSERT INTO Membership (id, workspaceId, userId, role, createdAt) VALUES ('bench-m', 'bench-ws', 'bench-user', 'OWNER', ?)`).run(stamp);
  const addApp = db.prepare(`INSERT INTO App (id, workspaceId, name, type, status, clientId, callbackUrl, handoffMode, createdAt, updatedAt) VALUES (?, 'bench-ws', ?, 'PUBLIC', 'PUBLISHED', ?, 'https://bench.example.com/cb', 'RECORD_ONLY', ?, ?)`);
  const addSnapshot = db.prepare(`INSERT INTO RatingSnapshot (id, appId, takenAt, average, reviewCount, installBand) VALUES (?, ?, ?, ?, ?, NULL)`);
  const addReview = db.prepare(`INSERT INTO Review (id, appId, externalKey, source, author, stars, reviewedAt, text, upvotes, status, firstSeenAt, updatedAt) VALUES (?, ?, ?, 'SYNC', ?, ?, ?, ?, 0, ?, ?, ?)`);
  let events = 0;
  for (let a = 0; a < APPS; a++) {
    const appId = `bench-app-${String(a + 1).padStart(2, "0")}`;
    addApp.run(appId, `Bench App ${a + 1}`, `bench-client-${a + 1}`, stamp, stamp);
    const history = demoInstallHistory({ seed: 1000 + a, days: DAYS, startPerDay: 9, endPerDay: 28, launchDay: 300 + a * 20, companyBase: 10_000_000 + a * 1_000_000 }, now);
    for (let i = 0; i < history.length; i += 5000) ingestEvents(appId, history.slice(i, i + 5000));
    events += history.length;
    const random = prng(7000 + a);
    db.transaction(() => {
      let sum = 0;
      for (let r = 0; r < REVIEWS_PER_APP; r++) {
        const at = now - DAYS * 86_400_000 + Math.floor(((r + random()) / REVIEWS_PER_APP) * DAYS * 86_400_000);
        const stars = Math.min(5, Math.max(1, Math.round(4.2 + (random() - 0.6) * 3)));
        sum += stars;
        addReview.run(`${appId}-r${r}`, appId, `id:${r}`, `Reviewer ${r}`, stars, sqliteTime(at), "A review written for the benchmark.", random() < 0.3 ? "REPLIED" : "NEW", sqliteTime(at), sqliteTime(at));
        if (r % Math.max(1, Math.floor(REVIEWS_PER_APP / DAYS)) === 0) addSnapshot.run(`${appId}-s${r}`, appId, sqliteTime(at + 3_600_000), Math.round((sum / (r + 1)) * 100) / 100, r + 1);
      }
    })();
  }
  const reviews = (db.prepare(`SELECT COUNT(*) AS n FROM Review`).get() as { n: number }).n;
  return { file, apps: APPS, events, reviews, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1]?.endsWith("bench-seed.ts")) {
  const r = await seedBench();
  console.log(`${r.file}: ${r.apps} apps, ${r.events.toLocaleString("en-US")} install events over 3 years, ${r.reviews.toLocaleString("en-US")} reviews, in ${r.seconds.toFixed(0)} s`);
}
