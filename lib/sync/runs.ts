import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { fixOf, readSyncReport } from "./report";

/**
 * Sync runs: starting one (one at a time per workspace), its progress, and runs whose process died. A run
 * shows it is alive by its heartbeat (at its requests to the Marketplace, at most once every few seconds, and
 * at each app it finishes); a RUNNING run whose heartbeat stopped is continued where it stopped, by whichever
 * process claims it first.
 */

/** A RUNNING run whose heartbeat is older than this died with its process. */
export const deadAfterMs = () => env().SYNC_DEAD_AFTER_MS;
/** How often a run in progress shows it is alive (and the resumer looks): several beats fit before it counts as dead. */
export const heartbeatMs = () => Math.max(250, Math.floor(deadAfterMs() / 8));
/** A run started longer ago than this is not continued: what it read is a day old, the next run starts afresh. */
const GIVE_UP_MS = 24 * 3_600_000;

export const syncableApps = (workspaceId: string) =>
  db.app.findMany({
    where: { workspaceId, type: "PUBLIC", status: "PUBLISHED", archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, clientId: true, listingUrl: true },
  });

/** Runs whose heartbeat (or, for a run that never beat, its start) is older than `before`. */
const silentSince = (before: Date) => ({
  OR: [{ heartbeatAt: { lt: before } }, { heartbeatAt: null, startedAt: { lt: before } }],
});

/** Runs too old to continue are closed as interrupted. */
async function closeAbandonedRuns(workspaceId: string | null, now: Date) {
  await db.syncRun.updateMany({
    where: {
      ...(workspaceId ? { workspaceId } : {}),
      status: "RUNNING",
      startedAt: { lt: new Date(now.getTime() - GIVE_UP_MS) },
      ...silentSince(new Date(now.getTime() - deadAfterMs())),
    },
    data: {
      status: "FAILED",
      finishedAt: now,
      error: "The run was interrupted (the server stopped before it finished)",
    },
  });
}

/**
 * The workspace's run in progress, if any: one whose process is at work, or one waiting to be continued (a
 * read: pages call it; runs too old to continue are closed by startRun).
 */
export function runningRun(workspaceId: string, now = new Date()) {
  return db.syncRun.findFirst({
    where: { workspaceId, status: "RUNNING", startedAt: { gte: new Date(now.getTime() - GIVE_UP_MS) } },
    orderBy: { startedAt: "desc" },
  });
}

/**
 * Takes over a run whose process died: its heartbeat moves to now only if nobody else moved it since it was
 * read, so of two processes that find the same dead run, one continues it. Answers whether this one did.
 */
export async function claimDeadRun(run: { id: string; heartbeatAt: Date | null }, now: Date) {
  const { count } = await db.syncRun.updateMany({
    where: { id: run.id, status: "RUNNING", heartbeatAt: run.heartbeatAt },
    data: { heartbeatAt: now, resumes: { increment: 1 } },
  });
  return count === 1;
}

/** Every run (of any workspace) whose process died and that is still worth continuing. */
export async function deadRuns(now = new Date()) {
  await closeAbandonedRuns(null, now);
  return db.syncRun.findMany({
    where: { status: "RUNNING", ...silentSince(new Date(now.getTime() - deadAfterMs())) },
    orderBy: { startedAt: "asc" },
    select: { id: true, workspaceId: true, heartbeatAt: true },
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

/** What started a run: the command line, the schedule, or a member's Sync now. */
export type Trigger = "CLI" | "CRON" | "MANUAL";

/**
 * Creates a run, or answers the one already running (one run per workspace at a time). `resumed`: that run's
 * process had died and this caller claimed it, so it is the one to continue it (executeRun).
 */
export async function startRun(workspaceId: string, trigger: Trigger, userId: string | null = null, now = new Date()) {
  await closeAbandonedRuns(workspaceId, now);
  const running = await runningRun(workspaceId, now);
  if (running) {
    const last = running.heartbeatAt ?? running.startedAt;
    const dead = last.getTime() < now.getTime() - deadAfterMs();
    const resumed = dead && (await claimDeadRun(running, now));
    return { run: running, started: false, resumed };
  }
  const apps = await syncableApps(workspaceId);
  const run = await db.syncRun.create({
    data: { workspaceId, trigger, startedById: userId, startedAt: now, heartbeatAt: now, appsTotal: apps.length },
  });
  return { run, started: true, resumed: false };
}
