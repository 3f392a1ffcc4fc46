import { db } from "@/lib/db";
import { raiseAlert } from "@/lib/alerts/alerts";
import { ensureDefaultRules } from "@/lib/alerts/rules";
import { syncCompetitors } from "@/lib/competitors/sync";
import { CHANGE_LABELS } from "@/lib/competitors/changes";
import { notifySafely } from "@/lib/notifications/notify";
import { rankChangeText } from "@/lib/positions/lists";
import { syncPositions } from "@/lib/positions/sync";
import { type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { newPoliteness } from "@/lib/marketplace/politeness";
import { env } from "@/lib/server/env";
import { audit, auditBy } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { log } from "@/lib/server/log";
import { syncApp } from "./app";
import { startRun, syncableApps, type Trigger } from "./runs";
import { authorize } from "@/lib/team/permissions";

/**
 * Marketplace sync runs: for each published app of a workspace, one polite fetch of its public
 * page, a parse, and one transaction that stores what was read. An app that fails leaves its
 * data as it was; the run records what happened to every app.
 */
export type SyncOptions = { fetch?: FetchPageOptions; now?: () => Date };

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
  authorize(member, "sync.start");
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
