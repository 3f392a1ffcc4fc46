import { db } from "@/lib/db";
import { fixOf, readSyncReport } from "./report";

/** Sync runs: starting one (one at a time per workspace), its progress, and runs left behind by a dead process. */

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
/** What started a run: the command line, the schedule, or a member's Sync now. */
export type Trigger = "CLI" | "CRON" | "MANUAL";

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
