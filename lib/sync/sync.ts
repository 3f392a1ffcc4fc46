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
import { claimDeadRun, deadRuns, heartbeatMs, startRun, syncableApps, type Trigger } from "./runs";
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

/**
 * Syncs every published app of the run's workspace, recording progress as it goes. A run continued after its
 * process died reads only the apps it has no result for yet, and adds to the counters it already has.
 */
export async function executeRun(runId: string, options: SyncOptions = {}) {
  const now = options.now ?? (() => new Date());
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  // One run keeps one pace per host for every read it makes (apps, competitors, lists), and counts its waits.
  const politeness = options.fetch?.politeness ?? newPoliteness({ paceMs: env().MARKETPLACE_PACE_MS });
  options = { ...options, fetch: { ...options.fetch, politeness } };
  // What this process has added to the run's requests and waits so far: each app's result adds what came since.
  const counted = { requests: politeness.requests, waitedMs: Math.round(politeness.waitedMs) };
  const tally = () => {
    const waited = Math.round(politeness.waitedMs);
    const since = { requests: politeness.requests - counted.requests, waitedMs: waited - counted.waitedMs };
    Object.assign(counted, { requests: politeness.requests, waitedMs: waited });
    return since;
  };
  // The run shows it is alive at each request it makes (never inside one of its transactions: a timer's write
  // would land in the middle of one on a libSQL connection), at most once a heartbeat, and at each app it finishes.
  const previousHook = politeness.beforeRequest;
  let lastBeat = 0;
  politeness.beforeRequest = async () => {
    await previousHook?.();
    const at = now();
    if (at.getTime() - lastBeat < heartbeatMs()) return;
    lastBeat = at.getTime();
    await db.syncRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { heartbeatAt: at } });
  };
  try {
    // Once per run, before the events it raises go through the rules.
    await ensureDefaultRules(run.workspaceId, now());
    const done = new Set(
      (await db.syncRunApp.findMany({ where: { runId }, select: { appId: true } })).map((a) => a.appId),
    );
    const apps = (await syncableApps(run.workspaceId)).filter((a) => !done.has(a.id));
    await db.syncRun.update({
      where: { id: runId },
      data: { appsTotal: done.size + apps.length, heartbeatAt: now() },
    });
    for (const app of apps) await syncApp(runId, run.workspaceId, app, options, tally);
    const competitors = await readCompetitors(run.workspaceId, runId, now(), options);
    const positions = await recordPositions(run.workspaceId, runId, now(), options);
    // The run's outcome, from every app's result (those of the process that died included).
    const results = await db.syncRunApp.findMany({
      where: { runId },
      select: { status: true, error: true, app: { select: { name: true } } },
      orderBy: [{ app: { name: "asc" } }],
    });
    const failed = results.filter((r) => r.status === "FAILED");
    const partial = results.filter((r) => r.status === "PARTIAL").length;
    // A run is partial when an app failed or was only partly read (Sync history says which, and why).
    const status =
      failed.length > 0 && failed.length === results.length
        ? "FAILED"
        : failed.length + partial > 0
          ? "PARTIAL"
          : "SUCCEEDED";
    const last = tally();
    return await db.syncRun.update({
      where: { id: runId },
      data: {
        waitedMs: { increment: last.waitedMs },
        requests: { increment: last.requests },
        positionsError: positions.errors.length ? positions.errors.join("\n") : null,
        competitorsError: competitors.errors.length ? competitors.errors.join("\n") : null,
        status,
        finishedAt: now(),
        heartbeatAt: now(),
        error: failed.length
          ? failed.map((r) => `${r.app.name}: ${r.error ?? ""}`).join("\n")
          : results.length === 0
            ? "No published app to sync"
            : null,
      },
    });
  } finally {
    politeness.beforeRequest = previousHook;
  }
}

/**
 * Runs a run in the background (a new one, or one whose process died); a run that stops on an unexpected error is
 * closed with a reason, never left RUNNING.
 */
function continueInBackground(runId: string) {
  void executeRun(runId).catch(async (error: unknown) => {
    log().error({ err: error }, "Sync run failed");
    await db.syncRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { status: "FAILED", finishedAt: new Date(), error: "An unexpected error stopped the run" },
    });
  });
}

/**
 * A person's "Sync now": the run is started and answered at once, and goes on in the background. A
 * run that dies on an unexpected error is marked failed with a reason, never left "running".
 */
export async function startManualSync(member: Member): Promise<{ runId: string; started: boolean }> {
  authorize(member, "sync.start");
  const { run, started, resumed } = await startRun(member.workspace.id, "MANUAL", member.user.id);
  if (started) await auditBy(member, "sync.start", { type: "sync run", id: run.id });
  // A run whose process died is continued by the person's click.
  if (started || resumed) continueInBackground(run.id);
  return { runId: run.id, started };
}

/** One complete run of a workspace (CLI, cron); answers the finished run. */
export async function syncWorkspace(workspaceId: string, trigger: Trigger, options: SyncOptions = {}) {
  const { run, started, resumed } = await startRun(workspaceId, trigger, null, options.now?.() ?? new Date());
  // A run whose process died is continued here, where it stopped.
  if (resumed) return { ...(await executeRun(run.id, options)), skipped: false as const };
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

/**
 * Continues every run whose process died (the server's worker calls it at start and then every heartbeat): each
 * is claimed first, so of several servers one continues it. Answers the runs this process took over.
 */
export async function resumeDeadRuns(now = new Date()) {
  const taken: string[] = [];
  for (const run of await deadRuns(now))
    if (await claimDeadRun(run, now)) {
      log().info({ runId: run.id }, "Continuing a sync run whose process stopped");
      taken.push(run.id);
      continueInBackground(run.id);
    }
  return taken;
}

const resumer: { timer: NodeJS.Timeout | null } = { timer: null };

/** Looks for dead runs now and then at every heartbeat, for as long as the server runs. */
export function startSyncResumer() {
  if (resumer.timer) return;
  const check = () => void resumeDeadRuns().catch((error: unknown) => log().error({ err: error }, "Resuming failed"));
  check();
  resumer.timer = setInterval(check, heartbeatMs());
  resumer.timer.unref();
}
