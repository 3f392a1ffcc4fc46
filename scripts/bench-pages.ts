/**
 * Server time of the dashboard's pages, signed in as the demo owner: each page loaded in turn
 * on two servers (the demo dataset and the large partner's), 20 times after a warm-up, and its
 * p95 compared. One row per page; the budget is large ≤ 2 × demo.
 */
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { BENCH_DB, LARGE } from "./bench-seed";
import { run, start, waitForUrl } from "./process";
import { hashSessionToken } from "../lib/auth/session-token";
import { base, fmt, PORT, record } from "./bench-kit";

export const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 20);

/** The pages of the dashboard, for the demo owner's busiest app (QuoteFlow). */
export function dashboardPages(appId: string): string[] {
  const app = `/apps/${appId}`;
  return [
    "/apps",
    "/apps/new",
    `/analytics?app=${appId}`,
    "/customers",
    "/reviews",
    "/reviews?status=all",
    "/reviews/alerts",
    "/reviews/sync",
    "/reviews/templates",
    "/settings",
    "/team",
    "/team/audit",
    `${app}/listing`,
    `${app}/preview`,
    `${app}/submission`,
    `${app}/installs`,
    `${app}/customers`,
    `${app}/settings`,
    `${app}/versions`,
    `${app}/developer-hub`,
    `${app}/outreach`,
    `${app}/positions`,
    `${app}/competitors`,
    "/notifications",
  ];
}

/** A session of the demo owner in the SQLite file at `file` (for this run only); returns its cookie and QuoteFlow's id. */
export function ownerSession(file: string): { cookie: string; appId: string } {
  const db = new Database(file);
  try {
    const owner = db.prepare(`SELECT u.id FROM User u WHERE u.name = 'Alice Novak'`).get() as { id: string };
    const app = db.prepare(`SELECT id FROM App WHERE name = 'QuoteFlow'`).get() as { id: string };
    const token = randomBytes(32).toString("base64url");
    db.prepare(`INSERT INTO Session (id, sessionToken, userId, expires) VALUES (?, ?, ?, ?)`).run(
      `bench-${token.slice(0, 12)}`,
      hashSessionToken(token),
      owner.id,
      new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00"),
    );
    return { cookie: `authjs.session-token=${token}`, appId: app.id };
  } finally {
    db.close();
  }
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]!;

/** Milliseconds until the whole page has arrived; throws unless it is a 200 page. */
async function loadOnce(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

export type PageRow = { path: string; demo: number; large: number; ratio: number };

/** p95 of each page on both servers, loaded alternately so that a slow moment hits both sides. */
export async function comparePages(servers: {
  demo: { base: string; cookie: string; appId: string };
  large: { base: string; cookie: string; appId: string };
}): Promise<PageRow[]> {
  const demoPaths = dashboardPages(servers.demo.appId);
  const largePaths = dashboardPages(servers.large.appId);
  const rows: PageRow[] = [];
  for (const [i, path] of demoPaths.entries()) {
    const demoUrl = servers.demo.base + path;
    const largeUrl = servers.large.base + largePaths[i]!;
    for (let w = 0; w < 3; w++)
      await Promise.all([loadOnce(demoUrl, servers.demo.cookie), loadOnce(largeUrl, servers.large.cookie)]);
    const demo: number[] = [];
    const large: number[] = [];
    for (let n = 0; n < PAGE_LOADS; n++) {
      demo.push(await loadOnce(demoUrl, servers.demo.cookie));
      large.push(await loadOnce(largeUrl, servers.large.cookie));
    }
    rows.push({
      path: path.replace(servers.demo.appId, "<app>"),
      demo: p95(demo),
      large: p95(large),
      ratio: p95(large) / p95(demo),
    });
  }
  return rows;
}

/**
 * Gives the demo's QuoteFlow a second year of daily positions and competitor figures (the demo seeds
 * one), so that its positions and competitors pages read two years of daily snapshots.
 */
export function extendHistoryToTwoYears(file: string) {
  const db = new Database(file);
  try {
    const app = db.prepare(`SELECT id FROM App WHERE name = 'QuoteFlow'`).get() as { id: string };
    const oldest = (table: string, column: string, id: string) =>
      (db.prepare(`SELECT MIN(day) AS day FROM ${table} WHERE ${column} = ?`).get(id) as { day: string }).day;
    const before = (day: string, n: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const insertRank = db.prepare(
      `INSERT INTO RankSnapshot (id, appId, competitorId, listKind, listKey, listName, day, rank, listSize, takenAt)
       SELECT ? , appId, competitorId, listKind, listKey, listName, ?, rank, listSize, takenAt FROM RankSnapshot WHERE id = ?`,
    );
    const insertFigures = db.prepare(
      `INSERT INTO CompetitorSnapshot (id, competitorId, day, average, reviewCount, installBand, votesUp, votesDown, takenAt)
       SELECT ?, competitorId, ?, average, reviewCount, installBand, votesUp, votesDown, takenAt FROM CompetitorSnapshot WHERE id = ?`,
    );
    const competitors = db.prepare(`SELECT id FROM Competitor WHERE appId = ?`).all(app.id) as { id: string }[];
    db.transaction(() => {
      const subjects = [["appId", app.id], ...competitors.map((c) => ["competitorId", c.id])] as [string, string][];
      for (const [column, id] of subjects) {
        const first = oldest("RankSnapshot", column, id);
        const rows = db.prepare(`SELECT id, day FROM RankSnapshot WHERE ${column} = ?`).all(id) as {
          id: string;
          day: string;
        }[];
        for (const r of rows)
          insertRank.run(
            randomBytes(12).toString("hex"),
            before(first, 1 + Math.round((Date.parse(r.day) - Date.parse(first)) / 86_400_000)),
            r.id,
          );
      }
      for (const c of competitors) {
        const first = oldest("CompetitorSnapshot", "competitorId", c.id);
        const rows = db.prepare(`SELECT id, day FROM CompetitorSnapshot WHERE competitorId = ?`).all(c.id) as {
          id: string;
          day: string;
        }[];
        for (const r of rows)
          insertFigures.run(
            randomBytes(12).toString("hex"),
            before(first, 1 + Math.round((Date.parse(r.day) - Date.parse(first)) / 86_400_000)),
            r.id,
          );
      }
    })();
    const days = (
      db.prepare(`SELECT COUNT(DISTINCT day) AS n FROM RankSnapshot WHERE appId = ?`).get(app.id) as { n: number }
    ).n;
    return { days };
  } finally {
    db.close();
  }
}

/** p95 of the positions and competitors pages over two years, against the analytics page of the same app. */
export async function comparePositionPages(server: { base: string; cookie: string; appId: string }) {
  const analytics = `${server.base}/analytics?app=${server.appId}`;
  const pages = [`/apps/${server.appId}/positions?range=24m`, `/apps/${server.appId}/competitors?range=24m`];
  const rows: { path: string; p95: number; analytics: number; ratio: number }[] = [];
  for (const path of pages) {
    const url = server.base + path;
    for (let w = 0; w < 3; w++) await Promise.all([loadOnce(url, server.cookie), loadOnce(analytics, server.cookie)]);
    const page: number[] = [];
    const baseline: number[] = [];
    for (let n = 0; n < PAGE_LOADS; n++) {
      page.push(await loadOnce(url, server.cookie));
      baseline.push(await loadOnce(analytics, server.cookie));
    }
    rows.push({
      path: path.replace(server.appId, "<app>"),
      p95: p95(page),
      analytics: p95(baseline),
      ratio: p95(page) / p95(baseline),
    });
  }
  return rows;
}

/**
 * Every dashboard page, signed in as the demo owner, on the large partner's dataset (made once by
 * `npm run bench:seed`) against the demo dataset: p95 of PAGE_LOADS loads each.
 */
export async function pageFigures(demoFile: string, env: NodeJS.ProcessEnv) {
  const file = process.env.BENCH_DB ?? BENCH_DB;
  const largeEnv = { ...env, DATABASE_URL: `file:${file}`, STORAGE_DIR: `${file}-uploads` };
  if (!existsSync(file)) {
    console.log(`\nMaking the large partner's dataset (${file}, once)…`);
    await run("tsx", ["scripts/bench-seed.ts"], { ...largeEnv, BENCH_DB: file });
  } else await run("prisma", ["migrate", "deploy"], largeEnv, { quiet: true });
  const port = PORT + 2;
  const largeBase = `http://localhost:${port}`;
  const child = start("next", ["start", "-p", String(port)], {
    env: { ...largeEnv, AUTH_URL: largeBase },
    stdio: "ignore",
  });
  try {
    await waitForUrl(`${largeBase}/`);
    const rows = await comparePages({
      demo: { base, ...ownerSession(demoFile) },
      large: { base: largeBase, ...ownerSession(file) },
    });
    console.log(
      `\ndashboard pages, server time p95 of ${PAGE_LOADS} loads signed in: large partner (${LARGE.apps} apps, ${fmt(LARGE.events / 1e6)} M events, ${fmt(LARGE.reviews)} reviews, ${LARGE.members} members, ${fmt(LARGE.audit)} audit entries, ${LARGE.shareLinks} share links) ÷ demo`,
    );
    console.log("| page | demo ms | large ms | large ÷ demo |");
    console.log("|---|---:|---:|---:|");
    for (const r of rows)
      console.log(
        `| ${r.path} | ${fmt(r.demo, 1)} | ${fmt(r.large, 1)} | ${fmt(r.ratio, 2)} ${r.ratio <= 2 ? "✓" : "✗"} |`,
      );
    for (const r of rows)
      record(
        `page ${r.path}: p95 large ÷ demo`,
        `${fmt(r.ratio, 2)} (${fmt(r.large, 1)} vs ${fmt(r.demo, 1)} ms)`,
        "≤ 2",
        r.ratio <= 2,
      );
  } finally {
    child.kill("SIGTERM");
  }
}

/** The positions and competitors pages of one app over two years of daily snapshots, against its analytics page. */
export async function positionFigures(demoFile: string) {
  const { days } = extendHistoryToTwoYears(demoFile);
  const rows = await comparePositionPages({ base, ...ownerSession(demoFile) });
  console.log(
    `\npositions and competitors over ${fmt(days)} days of daily snapshots, p95 of ${PAGE_LOADS} loads ÷ the app's analytics page`,
  );
  for (const r of rows) {
    console.log(`${r.path}: ${fmt(r.p95, 1)} ms ÷ ${fmt(r.analytics, 1)} ms = ${fmt(r.ratio, 2)}`);
    record(
      `page ${r.path} (${fmt(days)} days) ÷ analytics, p95`,
      `${fmt(r.ratio, 2)} (${fmt(r.p95, 1)} vs ${fmt(r.analytics, 1)} ms)`,
      "≤ 2",
      r.ratio <= 2,
    );
  }
}
