/**
 * A full Marketplace sync at real-world latency: the emulator answers every request 300 ms late, and the sync keeps
 * the production pace (MARKETPLACE_PACE_MS unset: one request a second per host). Two workspaces:
 *
 * - the demo workspace, synced by `npm run sync` on a copy of its database: requests, time, time per app;
 * - the large partner's, synced inside `next start` (the cron route) on a copy of its database: its dashboard pages
 *   timed idle and while the sync runs, Sync history read throughout, and the server killed (SIGKILL) midway and
 *   started again. The run must continue where it stopped: the same run, its apps done never going back, each
 *   app counted once, and the apps finished before the kill not read again.
 */
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startEmulator, type Emulator } from "../emulator/server";
import type { ListingInput } from "../emulator/listings";
import { demoMarketplace } from "../prisma/demo-marketplace";
import { fmt, record } from "./bench-kit";
import { ownerSession } from "./bench-pages";
import { run, start, waitForUrl } from "./process";

/** Added to every answer of the emulator: a distant server's round trip. */
export const LATENCY_MS = 300;
const DEMO_GOAL_MS = 60_000;
/** Dashboard pages while the sync runs, against idle: p95 at most this much slower. */
const PAGE_RATIO_GOAL = 1.2;
const PAGE_LOADS = Number(process.env.BENCH_SYNC_PAGE_LOADS ?? 30);
/**
 * How long a silent run takes to count as dead here (production: 2 minutes, SYNC_DEAD_AFTER_MS), so the bench
 * waits seconds, not minutes, for the restarted server to continue it.
 */
const DEAD_AFTER_MS = 15_000;
/** The longest the large partner's sync may take before the bench gives up on it. */
const LARGE_DEADLINE_MS = 20 * 60_000;

type RunRow = {
  id: string;
  status: string;
  appsTotal: number;
  appsDone: number;
  requests: number;
  waitedMs: number;
  resumes: number;
  startedAt: string;
  finishedAt: string | null;
};

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]!;
const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const poll = () => new Promise((resolve) => setTimeout(resolve, 500));

/** A copy of an SQLite file (with its write-ahead log), so the original is never changed. */
function copyDatabase(from: string, dir: string, name: string) {
  const to = join(dir, name);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
  return to;
}

/** The environment of a sync against the emulator, at the production pace, on the database at `file`. */
function syncEnv(base: NodeJS.ProcessEnv, file: string, marketplace: string): NodeJS.ProcessEnv {
  const { MARKETPLACE_PACE_MS: _, ...env } = base;
  return {
    ...env,
    DATABASE_URL: `file:${file}`,
    STORAGE_DIR: `${file}-uploads`,
    MARKETPLACE_URL: marketplace,
    MARKETPLACE_API_URL: marketplace,
  };
}

/** The newest sync run of the workspace that holds QuoteFlow, read from the file itself. */
function latestRun(file: string): RunRow | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      (db
        .prepare(
          `SELECT r.id, r.status, r.appsTotal, r.appsDone, r.requests, r.waitedMs, r.resumes, r.startedAt, r.finishedAt
           FROM SyncRun r JOIN App a ON a.workspaceId = r.workspaceId AND a.name = 'QuoteFlow'
           ORDER BY r.startedAt DESC LIMIT 1`,
        )
        .get() as RunRow | undefined) ?? null
    );
  } finally {
    db.close();
  }
}

const runMs = (r: RunRow) => (r.finishedAt ? Date.parse(r.finishedAt) : Date.now()) - Date.parse(r.startedAt);

/** From the run's start to its last app's result: the apps' share of the run (competitors and lists come after). */
function appsMs(file: string, r: RunRow) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const last = db.prepare(`SELECT MAX(finishedAt) AS at FROM SyncRunApp WHERE runId = ?`).get(r.id) as {
      at: string | null;
    };
    return last.at ? Date.parse(last.at) - Date.parse(r.startedAt) : 0;
  } finally {
    db.close();
  }
}

/**
 * The Marketplace as the large partner's apps have it: each app's page shows the reviews its database holds (the
 * page's ids are the stored keys, so a sync finds the reviews it knows), QuoteFlow's its demo page's and the ones the
 * large dataset added. The copy's added reviews are stored as a sync of those pages stores them.
 */
function largeListings(file: string, demo: ListingInput[]): ListingInput[] {
  const db = new Database(file);
  try {
    // As a sync that read them before left them: keyed by the page's id, with the page's anchor.
    db.prepare(
      `UPDATE Review SET externalKey = 'id:' || externalKey, anchor = 'review-' || externalKey WHERE externalKey LIKE 'bench:%'`,
    ).run();
    const apps = db
      .prepare(`SELECT id, name, clientId FROM App WHERE type = 'PUBLIC' AND status = 'PUBLISHED' ORDER BY name`)
      .all() as { id: string; name: string; clientId: string }[];
    const added = db.prepare(
      `SELECT externalKey, author, stars, reviewedAt, text, upvotes, publicReply FROM Review
       WHERE appId = ? AND externalKey LIKE 'id:bench:%' AND removedAt IS NULL ORDER BY reviewedAt DESC`,
    );
    const pages = new Map(demo.map((l) => [l.clientId, l]));
    for (const app of apps) {
      const reviews = (
        added.all(app.id) as {
          externalKey: string;
          author: string;
          stars: number;
          reviewedAt: string;
          text: string;
          upvotes: number;
          publicReply: string | null;
        }[]
      ).map((r) => ({
        id: r.externalKey.replace(/^id:/, ""),
        author: r.author,
        stars: r.stars,
        date: new Date(r.reviewedAt).toISOString(),
        text: r.text,
        upvotes: r.upvotes,
        reply: r.publicReply,
      }));
      const page = pages.get(app.clientId);
      pages.set(
        app.clientId,
        page
          ? { ...page, reviews: [...(page.reviews ?? []), ...reviews] }
          : { clientId: app.clientId, name: app.name, builtBy: "Acme Sales Tools", installBand: "1,000+", reviews },
      );
    }
    return [...pages.values()];
  } finally {
    db.close();
  }
}

/** Milliseconds until the whole page has arrived; throws unless it is a 200 page. */
async function loadOnce(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms: performance.now() - started, body };
}

/** What Sync history shows of its newest run: "<done> of <total> listings". */
async function historyProgress(base: string, cookie: string) {
  const { body } = await loadOnce(`${base}/reviews/sync`, cookie);
  const match = /(\d+)(?:<!-- -->)?\s*of\s*(?:<!-- -->)?(\d+)(?:<!-- -->)?\s*listings?/.exec(body);
  return match ? { done: Number(match[1]), total: Number(match[2]) } : null;
}

/** p95 of each page over PAGE_LOADS loads, the pages taking turns. */
async function pageP95(base: string, cookie: string, paths: string[]) {
  const times = paths.map(() => [] as number[]);
  for (let n = 0; n < PAGE_LOADS; n++)
    for (const [i, path] of paths.entries()) times[i]!.push((await loadOnce(base + path, cookie)).ms);
  return times.map(p95);
}

/** The demo workspace, synced by `npm run sync` on a copy of its database. */
async function demoSync(o: { demoDb: string; env: NodeJS.ProcessEnv }, dir: string, emulator: Emulator) {
  const file = copyDatabase(o.demoDb, dir, "demo.db");
  if (existsSync(`${o.demoDb}-uploads`)) cpSync(`${o.demoDb}-uploads`, `${file}-uploads`, { recursive: true });
  const env = syncEnv(o.env, file, emulator.url);
  await run("prisma", ["migrate", "deploy"], env, { quiet: true });
  const started = performance.now();
  // A run that failed exits 1: its figures are still read below.
  const failure = await run("tsx", ["--conditions=react-server", "scripts/sync.ts"], env, { quiet: true }).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : String(error)),
  );
  const wall = performance.now() - started;
  const r = latestRun(file);
  if (!r?.finishedAt) throw new Error(`The demo sync did not finish${failure ? `: ${failure}` : ""}`);
  return { run: r, ms: runMs(r), appsMs: appsMs(file, r), wall };
}

type LargeResult = {
  run: RunRow;
  ms: number;
  appsMs: number;
  downMs: number;
  /** p95 idle and during the sync; `before`/`after`: during, before the kill and after the restart (p95, loads). */
  pages: { path: string; idle: number; during: number; before: string; after: string }[];
  /** Apps that failed or were read only in part, with why. */
  unread: string[];
  progressSeen: number;
  /** The looks at Sync history that did not show the run's progress, and what they showed. */
  progressMisses: string[];
  killedAt: number;
  checks: { name: string; ok: boolean }[];
};

/** The large partner's sync inside `next start`, its pages timed, the server killed midway and started again. */
async function largeSync(
  o: { largeDb: string; env: NodeJS.ProcessEnv; port: number },
  dir: string,
  file: string,
  emulator: Emulator,
): Promise<LargeResult> {
  const base = `http://localhost:${o.port}`;
  const secret = randomBytes(24).toString("base64url");
  const env = {
    ...syncEnv(o.env, file, emulator.url),
    AUTH_URL: base,
    CRON_SECRET: secret,
    SYNC_DEAD_AFTER_MS: String(DEAD_AFTER_MS),
  };
  if (existsSync(`${o.largeDb}-uploads`)) cpSync(`${o.largeDb}-uploads`, `${file}-uploads`, { recursive: true });
  const { cookie, appId } = ownerSession(file);
  const paths = ["/apps", `/analytics?app=${appId}`];
  let server: ChildProcess | null = null;
  const startServer = async () => {
    // Its own process group, so the kill reaches whatever `next start` runs the server in.
    const log = openSync(join(dir, "large-server.log"), "a");
    server = start("next", ["start", "-p", String(o.port)], { env, stdio: ["ignore", log, log], detached: true });
    await waitForUrl(`${base}/`);
  };
  const killServer = async (signal: NodeJS.Signals) => {
    const child = server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    process.kill(-child.pid!, signal);
    await exited;
    server = null;
  };
  try {
    await startServer();
    // Warm-up, then the pages idle.
    for (let w = 0; w < 3; w++) for (const path of paths) await loadOnce(base + path, cookie);
    const idle = await pageP95(base, cookie, paths);

    const before = latestRun(file)?.id ?? null;
    const triggered = Date.now();
    // The scheduler's call: it answers when every run is done (or never, when the server is killed).
    void fetch(`${base}/api/cron/sync`, { method: "POST", headers: { authorization: `Bearer ${secret}` } }).catch(
      () => null,
    );
    const deadline = triggered + LARGE_DEADLINE_MS;
    let current = latestRun(file);
    while (!current || current.id === before) {
      if (Date.now() > deadline) throw new Error("The large partner's sync did not start");
      await poll();
      current = latestRun(file);
    }
    const runId = current.id;
    let progressSeen = 0;
    const progressMisses: string[] = [];
    /** Sync history shows the run's progress, never behind what the database held just before. */
    const checkProgress = async () => {
      const held = latestRun(file)!;
      const shown = await historyProgress(base, cookie).catch((error: unknown) => String(error));
      progressSeen++;
      if (typeof shown === "string") progressMisses.push(shown);
      else if (held.status === "RUNNING" && (!shown || shown.done < held.appsDone || shown.total !== held.appsTotal))
        progressMisses.push(`showed ${shown ? `${shown.done} of ${shown.total}` : "nothing"} at ${held.appsDone}`);
    };
    // The pages while the sync runs: a load counts when the run was still running after it.
    const during = paths.map(() => [] as number[]);
    const phases = paths.map(() => ({ before: [] as number[], after: [] as number[] }));
    let phase: "before" | "after" = "before";
    const sample = async () => {
      for (const [i, path] of paths.entries()) {
        const { ms } = await loadOnce(base + path, cookie);
        if (latestRun(file)!.status !== "RUNNING") continue;
        during[i]!.push(ms);
        phases[i]![phase].push(ms);
      }
      await checkProgress();
    };

    // Midway: half the apps done, the pages timed and Sync history read meanwhile.
    while (latestRun(file)!.appsDone < Math.ceil(latestRun(file)!.appsTotal / 2)) {
      if (Date.now() > deadline) throw new Error("The large partner's sync did not reach half its apps");
      if (during[0]!.length < PAGE_LOADS) await sample();
      else {
        await checkProgress();
        await poll();
      }
    }
    await killServer("SIGKILL");
    const killed = Date.now();
    const atKill = latestRun(file)!;
    const finishedBefore = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return (
          db
            .prepare(`SELECT a.clientId FROM SyncRunApp s JOIN App a ON a.id = s.appId WHERE s.runId = ?`)
            .all(runId) as { clientId: string }[]
        ).map((r) => r.clientId);
      } finally {
        db.close();
      }
    })();
    const readsAtKill = new Map(finishedBefore.map((c) => [c, emulator.listings.requests.get(c)?.count ?? 0]));

    await startServer();
    const restarted = Date.now();
    // A restarted server warms up as the first one did before its pages are timed again.
    for (let w = 0; w < 3; w++) for (const path of paths) await loadOnce(base + path, cookie);
    phase = "after";
    let monotonic = true;
    let last = atKill.appsDone;
    let changed = Date.now();
    let now = latestRun(file)!;
    // A run nobody continues stays as the kill left it: the bench stops waiting well after it counts as dead.
    while (now.status === "RUNNING" && Date.now() - changed < 4 * DEAD_AFTER_MS + 30_000) {
      if (Date.now() > deadline) throw new Error("The large partner's sync did not finish after the restart");
      if (during[0]!.length < PAGE_LOADS) await sample();
      else {
        await checkProgress();
        await poll();
      }
      const next = latestRun(file)!;
      if (next.appsDone < last) monotonic = false;
      if (next.appsDone !== now.appsDone || next.status !== now.status) changed = Date.now();
      last = next.appsDone;
      now = next;
    }
    const done = now;
    const db = new Database(file, { readonly: true });
    const rows = (() => {
      try {
        return db
          .prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT appId) AS apps FROM SyncRunApp WHERE runId = ?`)
          .get(runId) as { n: number; apps: number };
      } finally {
        db.close();
      }
    })();
    const unread = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return (
          db
            .prepare(
              `SELECT a.name, s.status, s.error, s.report FROM SyncRunApp s JOIN App a ON a.id = s.appId
               WHERE s.runId = ? AND s.status != 'SUCCEEDED' ORDER BY a.name`,
            )
            .all(runId) as { name: string; status: string; error: string | null; report: string | null }[]
        ).map((r) => {
          const warnings = (JSON.parse(r.report ?? "{}") as { warnings?: string[] }).warnings ?? [];
          return `${r.name} ${r.status.toLowerCase()}: ${(r.error ?? warnings.join(" ")).slice(0, 160)}`;
        });
      } finally {
        db.close();
      }
    })();
    const readAgain = [...readsAtKill].filter(([c, n]) => (emulator.listings.requests.get(c)?.count ?? 0) !== n);
    const checks = [
      { name: "killed midway", ok: atKill.appsDone > 0 && atKill.appsDone < atKill.appsTotal },
      { name: "continued after the restart", ok: done.status !== "RUNNING" },
      { name: "the same run finished", ok: done.id === runId && ["SUCCEEDED", "PARTIAL"].includes(done.status) },
      { name: "continued, not restarted", ok: done.resumes >= 1 && latestRun(file)!.id === runId },
      { name: "apps done never went back", ok: monotonic },
      { name: "every app counted once", ok: done.appsDone === done.appsTotal && rows.n === rows.apps },
      { name: "one result per app", ok: rows.n === done.appsTotal },
      { name: "apps finished before the kill not read again", ok: readAgain.length === 0 },
      { name: `pages timed while the sync ran (${during[0]!.length} loads each)`, ok: during[0]!.length >= 10 },
    ];
    return {
      run: done,
      ms: runMs(done),
      appsMs: appsMs(file, done),
      downMs: restarted - killed,
      pages: paths.map((path, i) => ({
        path: path.replace(appId, "<app>"),
        idle: idle[i]!,
        during: during[i]!.length ? p95(during[i]!) : Number.NaN,
        before: phases[i]!.before.length ? `${fmt(p95(phases[i]!.before), 1)} (${phases[i]!.before.length})` : "–",
        after: phases[i]!.after.length ? `${fmt(p95(phases[i]!.after), 1)} (${phases[i]!.after.length})` : "–",
      })),
      progressSeen,
      progressMisses,
      unread,
      killedAt: atKill.appsDone,
      checks,
    };
  } catch (error) {
    console.log(`\nThe large partner's server said:\n${serverErrors(dir)}`);
    throw error;
  } finally {
    await killServer("SIGTERM");
  }
}

/** The errors the large partner's server logged (its last few), to tell why a page failed. */
function serverErrors(dir: string) {
  const file = join(dir, "large-server.log");
  if (!existsSync(file)) return "(nothing)";
  const lines = readFileSync(file, "utf8").split("\n");
  return lines
    .filter((l) => /error|"level":(50|60)/i.test(l))
    .slice(-8)
    .map((l) => l.slice(0, 600))
    .join("\n");
}

/**
 * Sync figures at 300 ms of latency and the production pace: the demo workspace (goal ≤ 60 s) and the large
 * partner's inside `next start`, its pages idle against during the sync (p95 ≤ 1.2×), killed midway and continued.
 * `demoDb` and `largeDb` are copied, never changed; `env` is the bench's server environment; `port` is free.
 */
export async function syncFigures(o: {
  demoDb: string;
  largeDb: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** Only the demo workspace (a quick look). */
  demoOnly?: boolean;
}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-sync-"));
  let emulator: Emulator | null = null;
  try {
    // The demo's Marketplace, as `npm run demo` serves it.
    const marketplace = demoMarketplace();
    emulator = await startEmulator({ latencyMs: LATENCY_MS, ...marketplace });
    const demo = await demoSync(o, dir, emulator);
    const perApp = demo.appsMs / Math.max(1, demo.run.appsTotal);
    console.log(`\nfull sync at ${LATENCY_MS} ms per answer, one request a second per host (production pace)`);
    console.log(
      "| workspace | apps | requests | time | per app (apps' share ÷ apps) | competitors and lists | waited for the pace | status |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---|");
    console.log(
      `| demo | ${demo.run.appsTotal} | ${demo.run.requests} | ${seconds(demo.ms)} | ${seconds(perApp)} | ${seconds(demo.ms - demo.appsMs)} | ${seconds(demo.run.waitedMs)} | ${demo.run.status.toLowerCase()} |`,
    );
    record(
      "demo workspace: full sync at 300 ms latency",
      `${seconds(demo.ms)} (${demo.run.requests} requests, ${seconds(perApp)} per app, ${demo.run.appsTotal} apps)`,
      "≤ 60 s",
      demo.ms <= DEMO_GOAL_MS && demo.run.status !== "FAILED",
      demo.ms / 1000,
    );
    await emulator.close();
    if (o.demoOnly) return;

    // The large partner's Marketplace: the same, with every app's page and the reviews its dataset holds.
    const largeFile = copyDatabase(o.largeDb, dir, "large.db");
    await run("prisma", ["migrate", "deploy"], { ...o.env, DATABASE_URL: `file:${largeFile}` }, { quiet: true });
    emulator = await startEmulator({
      latencyMs: LATENCY_MS,
      listings: largeListings(largeFile, marketplace.listings),
      collections: marketplace.collections,
    });
    const large = await largeSync(o, dir, largeFile, emulator);
    // The apps' share includes the time the server was down.
    const largePerApp = (large.appsMs - large.downMs) / Math.max(1, large.run.appsTotal);
    console.log(
      `| large partner (killed at ${large.killedAt} apps, down ${seconds(large.downMs)}) | ${large.run.appsTotal} | ${large.run.requests} | ${seconds(large.ms)} | ${seconds(largePerApp)} | ${seconds(large.ms - large.appsMs)} | ${seconds(large.run.waitedMs)} | ${large.run.status.toLowerCase()} |`,
    );
    for (const line of large.unread.slice(0, 5)) console.log(`  - ${line}`);
    if (large.unread.length > 5) console.log(`  - and ${large.unread.length - 5} more`);
    console.log(
      "\n| page | p95 idle ms | p95 during the sync ms | during ÷ idle | before the kill ms (loads) | after the restart ms (loads) |",
    );
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const p of large.pages) {
      const ratio = p.during / p.idle;
      console.log(
        `| ${p.path} | ${fmt(p.idle, 1)} | ${fmt(p.during, 1)} | ${fmt(ratio, 2)} ${ratio <= PAGE_RATIO_GOAL ? "✓" : "✗"} | ${p.before} | ${p.after} |`,
      );
    }
    console.log("\nresumed after SIGKILL:");
    for (const c of large.checks) console.log(`- ${c.name} ${c.ok ? "✓" : "✗"}`);
    const progressOk = large.progressMisses.length === 0;
    if (!progressOk || !large.checks.every((c) => c.ok))
      console.log(`\nThe large partner's server said:\n${serverErrors(dir)}`);
    console.log(
      `- Sync history showed the progress at ${large.progressSeen - large.progressMisses.length} of ${large.progressSeen} looks ${progressOk ? "✓" : `✗ (${[...new Set(large.progressMisses)].slice(0, 3).join("; ")})`}`,
    );

    record(
      "large partner: full sync at 300 ms latency, killed midway",
      `${seconds(large.ms)} (${large.run.requests} requests, ${seconds(largePerApp)} per app, ${large.run.appsTotal} apps, server down ${seconds(large.downMs)})`,
      "record",
      null,
      large.ms / 1000,
    );
    for (const p of large.pages)
      record(
        `large partner: ${p.path} p95 during the sync ÷ idle`,
        `${fmt(p.during / p.idle, 2)} (${fmt(p.during, 1)} vs ${fmt(p.idle, 1)} ms)`,
        `≤ ${PAGE_RATIO_GOAL}`,
        p.during / p.idle <= PAGE_RATIO_GOAL,
        p.during / p.idle,
      );
    const resumed = large.checks.every((c) => c.ok);
    record(
      "large partner: resumed after kill",
      resumed
        ? "✓"
        : `✗ (${large.checks
            .filter((c) => !c.ok)
            .map((c) => c.name)
            .join(", ")})`,
      "same run, nothing twice",
      resumed,
    );
    record(
      "large partner: progress on Sync history throughout",
      `${large.progressSeen - large.progressMisses.length} of ${large.progressSeen} looks`,
      "always shown",
      progressOk,
    );
  } finally {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx scripts/bench-sync.ts [--demo-only]`: these figures alone, on data/demo.db and the large partner's file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { BENCH_DB } = await import("./bench-seed");
  const { summary, serverEnv } = await import("./bench-kit");
  await syncFigures({
    demoDb: "data/demo.db",
    largeDb: process.env.BENCH_DB ?? BENCH_DB,
    port: Number(process.env.BENCH_PORT ?? 3390) + 5,
    demoOnly: process.argv.includes("--demo-only"),
    env: { ...process.env, ...serverEnv(), LOG_LEVEL: "warn" },
  });
  console.log("\n| figure | value | goal | |\n|---|---|---|---|");
  for (const r of summary)
    console.log(`| ${r.figure} | ${r.value} | ${r.budget} | ${r.ok === null ? "" : r.ok ? "✓" : "✗"} |`);
}
