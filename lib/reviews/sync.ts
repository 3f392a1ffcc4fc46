import { db } from "@/lib/db";
import { checkRatingDrop, checkReviewSurge, checkSyncFailures, raiseAlert } from "./alerts";
import { ensureDefaultRules } from "./alert-rules";
import { syncCompetitors } from "@/lib/competitors/sync";
import { CHANGE_LABELS } from "@/lib/competitors/changes";
import { notifySafely } from "@/lib/notifications/notify";
import { rankChangeText } from "@/lib/positions/lists";
import { plural } from "@/lib/words";
import { syncPositions } from "@/lib/positions/sync";
import { PageFetchError, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { listingUrlOf } from "./listing-url";
import { ListingParseError } from "@/lib/marketplace/listing-page";
import { ListingReadFailed, readListing, type ListingRead } from "@/lib/marketplace/read-listing";
import { captureOf } from "@/lib/marketplace/capture-format";
import { newPoliteness } from "@/lib/marketplace/politeness";
import { keepCapture } from "@/lib/captures/store";
import { learnCategories } from "@/lib/positions/category-map";
import { env } from "@/lib/env";
import { applyListing } from "./store";
import { audit, auditBy } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { touchSharePages } from "@/lib/apps/service";
import { outboundPolicy } from "@/lib/net/policy";
import { log } from "@/lib/log";
import { failureReport, fixOf, readSyncReport, SYNC_PROBLEMS, type SyncProblem, type SyncReport } from "./sync-report";

/**
 * Marketplace sync runs: for each published app of a workspace, one polite fetch of its public
 * page, a parse, and one transaction that stores what was read. An app that fails leaves its
 * data as it was; the run records what happened to every app.
 */
export type Trigger = "CLI" | "CRON" | "MANUAL";
export type SyncOptions = { fetch?: FetchPageOptions; now?: () => Date };

/** A run still RUNNING after this long died with its process. */
const STALE_MS = 15 * 60_000;

export const syncableApps = (workspaceId: string) =>
  db.app.findMany({
    where: { workspaceId, type: "PUBLIC", status: "PUBLISHED", archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, clientId: true, listingUrl: true },
  });

async function closeStaleRuns(workspaceId: string, now: Date) {
  await db.syncRun.updateMany({
    where: { workspaceId, status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_MS) } },
    data: {
      status: "FAILED",
      finishedAt: now,
      error: "The run was interrupted (the server stopped before it finished)",
    },
  });
}

/** The workspace's run in progress, if any (a read: pages call it; stale runs are closed by startRun). */
export function runningRun(workspaceId: string, now = new Date()) {
  return db.syncRun.findFirst({
    where: { workspaceId, status: "RUNNING", startedAt: { gte: new Date(now.getTime() - STALE_MS) } },
    orderBy: { startedAt: "desc" },
  });
}

/** A run's progress for the member's workspace (polled by "Sync now"), with what to do about each failed app. */
export async function runProgress(workspaceId: string, runId: string) {
  const run =
    runId.length <= 64
      ? await db.syncRun.findFirst({
          where: { id: runId, workspaceId },
          include: {
            apps: {
              where: { status: { in: ["FAILED", "PARTIAL"] } },
              include: { app: { select: { id: true, name: true } } },
              orderBy: { finishedAt: "asc" },
            },
          },
        })
      : null;
  if (!run) return null;
  const { id, status, appsTotal, appsDone, added, updated, removed, error } = run;
  const failures = run.apps
    .filter((a) => a.status === "FAILED")
    .map((a) => ({
      app: a.app.name,
      message: a.error ?? "",
      fix: fixOf(readSyncReport(a.report)?.problem ?? null, a.app.id),
    }));
  // Apps read only in part: what could not be read is in Sync history.
  const partlyRead = run.apps.filter((a) => a.status === "PARTIAL").map((a) => a.app.name);
  return { id, status, appsTotal, appsDone, added, updated, removed, error, failures, partlyRead };
}

/** Creates a run (or answers the one already running: one run per workspace at a time). */
export async function startRun(workspaceId: string, trigger: Trigger, userId: string | null = null, now = new Date()) {
  await closeStaleRuns(workspaceId, now);
  const running = await runningRun(workspaceId, now);
  if (running) return { run: running, started: false };
  const apps = await syncableApps(workspaceId);
  const run = await db.syncRun.create({
    data: { workspaceId, trigger, startedById: userId, startedAt: now, appsTotal: apps.length },
  });
  return { run, started: true };
}

/** A failure in words, with its kind (what to do about it depends on it) and what the reader saw. */
function failureOf(error: unknown): SyncReport {
  if (error instanceof ListingReadFailed)
    return {
      ...error.report,
      problem: SYNC_PROBLEMS.includes(error.problem as SyncProblem) ? (error.problem as SyncProblem) : "unexpected",
    };
  if (error instanceof ListingParseError) return { ...error.report, problem: error.kind };
  if (error instanceof PageFetchError) return failureReport(error.message, error.kind);
  log().error({ err: error }, "Marketplace sync failed unexpectedly");
  return failureReport("An unexpected error stopped the sync of this app", "unexpected");
}

/** What a read served that is worth keeping (a failed or partial read's pages), for Sync history. */
async function keepEvidence(
  workspaceId: string,
  appId: string,
  runId: string,
  clientId: string,
  evidence: ListingRead["evidence"],
) {
  for (const e of evidence)
    await keepCapture({
      workspaceId,
      appId,
      runId,
      capture: captureOf(e.response, e.kind, { clientId, reason: e.reason }),
    }).catch((error: unknown) => log().error({ err: error }, "Keeping a captured page failed"));
}

async function syncApp(
  runId: string,
  workspaceIdOf: string,
  app: { id: string; name: string; clientId: string; listingUrl: string | null },
  options: SyncOptions,
) {
  const now = options.now ?? (() => new Date());
  const url = listingUrlOf(app);
  try {
    const read = await readListing({ url, clientId: app.clientId }, { policy: outboundPolicy(), ...options.fetch });
    const parsed = read.listing;
    const at = now();
    const stored = await applyListing(app.id, parsed, runId, at);
    // Share pages show the rating and the latest reviews.
    await touchSharePages(app.id);
    if (read.report.moved) {
      // The listing moved (renamed): its new address is the one read from now on, and Sync history says so.
      await db.app.update({ where: { id: app.id }, data: { listingUrl: read.url } });
      await audit({
        workspaceId: workspaceIdOf,
        actor: { id: null, name: "Marketplace sync" },
        action: "app.listing_url",
        targetType: "app",
        targetId: app.id,
        targetName: app.name,
        diff: { listingUrl: [read.report.moved.from, read.report.moved.to] },
      });
    }
    await learnCategories(read.api, read.content?.categories ?? []);
    await keepEvidence(workspaceIdOf, app.id, runId, app.clientId, read.evidence);
    const report: SyncReport = { ...read.report, problem: null };
    await db.syncRunApp.create({
      data: {
        runId,
        appId: app.id,
        url: read.url,
        status: read.report.outcome === "partial" ? "PARTIAL" : "SUCCEEDED",
        added: stored.added.length,
        updated: stored.updated,
        removed: stored.removed,
        parser: read.report.figures?.rating === "the Marketplace's API" ? "api" : parsed.source,
        report: JSON.stringify(report),
        finishedAt: at,
      },
    });
    if (!stored.baseline && stored.added.length) {
      // Each review goes through the alert rules; the summary tells about those no rule put in the app already.
      const untold = [];
      for (const r of stored.added) {
        const review = {
          id: r.id,
          author: r.author,
          stars: r.stars,
          text: r.text,
          reviewedAt: r.reviewedAt?.toISOString() ?? null,
        };
        const { delivered } = await raiseAlert({
          appId: app.id,
          key: `review:${r.id}`,
          data: { type: "NEW_REVIEW", review },
          now: at,
        });
        if (!delivered.has("IN_APP")) untold.push(r);
      }
      if (untold.length) {
        const stars = [...untold].sort((a, b) => a.stars - b.stars).map((r) => `${r.stars}★`);
        await notifySafely(
          workspaceIdOf,
          {
            kind: "NEW_REVIEW",
            title: `${plural(untold.length, "new review", "new reviews")} of ${app.name} (${stars.join(", ")})`,
            body: untold.map((r) => `${r.author}: ${r.text}`.slice(0, 200)).join("\n"),
            link: `/reviews?app=${app.id}`,
          },
          { now: at },
        );
      }
      await checkReviewSurge(app.id, at);
    }
    await checkRatingDrop(app.id, parsed.ratingAverage, at);
    return {
      ok: true as const,
      partial: read.report.outcome === "partial",
      added: stored.added.length,
      updated: stored.updated,
      removed: stored.removed,
    };
  } catch (error) {
    const report = failureOf(error);
    const at = now();
    if (error instanceof ListingReadFailed)
      await keepEvidence(workspaceIdOf, app.id, runId, app.clientId, error.evidence);
    await db.syncRunApp.create({
      data: {
        runId,
        appId: app.id,
        url,
        status: "FAILED",
        error: report.summary,
        report: JSON.stringify(report),
        finishedAt: at,
      },
    });
    const { delivered } = await checkSyncFailures(app.id, runId, report.summary, at);
    // An alert rule that told the team in the app already says it.
    if (!delivered.has("IN_APP"))
      await notifySafely(
        workspaceIdOf,
        {
          kind: "SYNC_FAILED",
          title: `The Marketplace sync of ${app.name} failed`,
          body: report.summary,
          link: `/reviews/sync?run=${runId}`,
        },
        { now: at },
      );
    return { ok: false as const, error: `${app.name}: ${report.summary}` };
  }
}

/**
 * Where the workspace's apps stand in the Marketplace's lists today; a move of a few places, or into or
 * out of a list, raises an alert. A list that cannot be read is reported with the run, never stored.
 */
async function recordPositions(workspaceId: string, runId: string, now: Date, options: SyncOptions) {
  try {
    const result = await syncPositions(workspaceId, { runId, now, fetch: options.fetch });
    const names = new Map(
      (await db.app.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((a) => [a.id, a.name]),
    );
    const day = now.toISOString().slice(0, 10);
    for (const c of result.changes) {
      const { delivered } = await raiseAlert({
        appId: c.appId,
        key: `rank:${c.appId}:${c.list.kind}:${c.list.key}:${c.from ?? "out"}:${c.to ?? "out"}:${day}`,
        data: { type: "RANK_CHANGE", list: c.list.name, from: c.from, to: c.to },
        now,
      });
      // One notice per move: the alert's, or else the plain position change.
      if (!delivered.has("IN_APP"))
        await notifySafely(
          workspaceId,
          {
            kind: "RANK_CHANGE",
            title: `${names.get(c.appId) ?? "An app"} ${rankChangeText(c.list.name, c.from, c.to)}`,
            link: `/apps/${c.appId}/positions`,
          },
          { now },
        );
    }
    return result;
  } catch (error) {
    log().error({ err: error }, "Reading Marketplace positions failed unexpectedly");
    return {
      changes: [],
      errors: ["Positions: an unexpected error stopped reading the Marketplace's lists"],
      stored: 0,
    };
  }
}

/**
 * The competitors the workspace follows, read in the same run; their problems are reported with it.
 * Each competitor whose listing changed is a COMPETITOR_CHANGE event for the alert rules.
 */
async function readCompetitors(workspaceId: string, runId: string, now: Date, options: SyncOptions) {
  try {
    const result = await syncCompetitors(workspaceId, { now, fetch: options.fetch, runId });
    for (const c of result.changed)
      await raiseAlert({
        appId: c.appId,
        key: `competitor-change:${c.competitorId}:${now.toISOString()}`,
        data: {
          type: "COMPETITOR_CHANGE",
          competitor: { id: c.competitorId, name: c.name },
          fields: c.changes.map((f) => ({ field: CHANGE_LABELS[f.field], before: f.before, after: f.after })),
        },
        now,
      });
    return result;
  } catch (error) {
    log().error({ err: error }, "Reading competitors failed unexpectedly");
    return { added: 0, errors: ["Competitors: an unexpected error stopped reading their pages"], changed: [] };
  }
}

/** Syncs every published app of the run's workspace, recording progress as it goes. */
export async function executeRun(runId: string, options: SyncOptions = {}) {
  const now = options.now ?? (() => new Date());
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  // One run keeps one pace per host for every read it makes (apps, competitors, lists), and counts its waits.
  const politeness = options.fetch?.politeness ?? newPoliteness({ paceMs: env().MARKETPLACE_PACE_MS });
  options = { ...options, fetch: { ...options.fetch, politeness } };
  // Once per run, before the events it raises go through the rules.
  await ensureDefaultRules(run.workspaceId, now());
  const apps = await syncableApps(run.workspaceId);
  await db.syncRun.update({ where: { id: runId }, data: { appsTotal: apps.length } });
  const errors: string[] = [];
  let failed = 0;
  let partial = 0;
  for (const app of apps) {
    const result = await syncApp(runId, run.workspaceId, app, options);
    if (result.ok) {
      if (result.partial) partial++;
      await db.syncRun.update({
        where: { id: runId },
        data: {
          appsDone: { increment: 1 },
          added: { increment: result.added },
          updated: { increment: result.updated },
          removed: { increment: result.removed },
        },
      });
    } else {
      failed++;
      errors.push(result.error);
      await db.syncRun.update({ where: { id: runId }, data: { appsDone: { increment: 1 } } });
    }
  }
  const competitors = await readCompetitors(run.workspaceId, runId, now(), options);
  const positions = await recordPositions(run.workspaceId, runId, now(), options);
  // A run is partial when an app failed or was only partly read (Sync history says which, and why).
  const status = failed > 0 && failed === apps.length ? "FAILED" : failed + partial > 0 ? "PARTIAL" : "SUCCEEDED";
  return db.syncRun.update({
    where: { id: runId },
    data: {
      waitedMs: Math.round(politeness.waitedMs),
      requests: politeness.requests,
      positionsError: positions.errors.length ? positions.errors.join("\n") : null,
      competitorsError: competitors.errors.length ? competitors.errors.join("\n") : null,
      status,
      finishedAt: now(),
      error: errors.length ? errors.join("\n") : apps.length === 0 ? "No published app to sync" : null,
    },
  });
}

/**
 * A person's "Sync now": the run is started and answered at once, and goes on in the background. A
 * run that dies on an unexpected error is marked failed with a reason, never left "running".
 */
export async function startManualSync(member: Member): Promise<{ runId: string; started: boolean }> {
  const { run, started } = await startRun(member.workspace.id, "MANUAL", member.user.id);
  if (started) {
    await auditBy(member, "sync.start", { type: "sync run", id: run.id });
    void executeRun(run.id).catch(async (error: unknown) => {
      log().error({ err: error }, "Sync run failed");
      await db.syncRun.updateMany({
        where: { id: run.id, status: "RUNNING" },
        data: { status: "FAILED", finishedAt: new Date(), error: "An unexpected error stopped the run" },
      });
    });
  }
  return { runId: run.id, started };
}

/** One complete run of a workspace (CLI, cron); answers the finished run. */
export async function syncWorkspace(workspaceId: string, trigger: Trigger, options: SyncOptions = {}) {
  const { run, started } = await startRun(workspaceId, trigger, null, options.now?.() ?? new Date());
  if (!started) return { ...run, skipped: true as const };
  await audit({
    workspaceId,
    actor: { id: null, name: trigger === "CRON" ? "Scheduler" : trigger === "CLI" ? "Command line" : "Listing Studio" },
    action: "sync.start",
    targetType: "sync run",
    targetId: run.id,
  });
  return { ...(await executeRun(run.id, options)), skipped: false as const };
}

/** Every workspace with a published app, one after the other. */
export async function syncAll(trigger: Trigger, options: SyncOptions = {}) {
  const workspaces = await db.workspace.findMany({
    where: { apps: { some: { type: "PUBLIC", status: "PUBLISHED", archivedAt: null } } },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const runs = [];
  for (const w of workspaces) runs.push({ workspace: w.name, ...(await syncWorkspace(w.id, trigger, options)) });
  return runs;
}
