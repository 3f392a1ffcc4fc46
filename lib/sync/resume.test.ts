import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { db, emulator, listing, review, syncWorkspace } from "./test-helpers";

const { resumeDeadRuns, startManualSync, startSyncResumer } = await import("./sync");
const { deadAfterMs } = await import("./runs");

/**
 * A sync killed midway (SIGKILL, in a process of its own: `npm run sync`) and continued: the same run finishes,
 * the apps it had finished are not read again, and it stores and counts what an uninterrupted run does.
 */
const APPS = 6;
/** The app the killed process is reading when it dies: its page does not answer until the test says so. */
const HANGING = 4;
const clientOf = (n: number) => `resume-app-${n}`;

async function workspaceWithApps(name: string, companyId: number) {
  const workspace = await db.workspace.create({ data: { pipedriveCompanyId: companyId, name } });
  const apps = [];
  for (let n = 1; n <= APPS; n++)
    apps.push(
      await db.app.create({
        data: {
          workspaceId: workspace.id,
          name: `App ${n}`,
          type: "PUBLIC",
          status: "PUBLISHED",
          clientId: clientOf(n),
          callbackUrl: "https://x.example.com/cb",
        },
      }),
    );
  return { workspaceId: workspace.id, apps };
}

/** Each app's stored reviews, by the app's client ID, as a person would compare them. */
async function storedReviews(workspaceId: string) {
  const rows = await db.review.findMany({
    where: { app: { workspaceId } },
    select: {
      externalKey: true,
      author: true,
      stars: true,
      text: true,
      status: true,
      app: { select: { clientId: true } },
    },
    orderBy: [{ app: { clientId: "asc" } }, { externalKey: "asc" }],
  });
  return rows.map((r) => [r.app.clientId, r.externalKey, r.author, r.stars, r.text, r.status]);
}

// The page the killed process was waiting for is still being answered: its connection goes with the emulator.
afterAll(() => emulator.server.closeAllConnections());

const pageReads = (n: number) => emulator.listings.requests.get(clientOf(n))?.count ?? 0;

describe("a sync killed midway and continued", () => {
  it("finishes the same run without reading a finished app again or counting anything twice", async () => {
    for (let n = 1; n <= APPS; n++)
      emulator.listings.put(
        listing(
          Array.from({ length: n + 1 }, (_, i) => review(10 * n + i, 1 + ((n + i) % 5))),
          { clientId: clientOf(n), name: `App ${n}` },
        ),
      );
    const killed = await workspaceWithApps("Killed", 901);
    emulator.listings.faults.set(clientOf(HANGING), [{ mode: "slow", delayMs: 60_000 }]);

    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts"], {
      env: process.env,
      stdio: "pipe",
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = once(child, "exit");
    try {
      // The fourth app's page was asked for, so apps 1 to 3 are stored (one app after the other): the process dies
      // in the middle of the fourth. Only the emulator is watched: the database is the killed process's alone.
      await expect
        .poll(
          () => {
            // A process that ended by itself failed (its output says why).
            if (child.exitCode !== null) throw new Error(`npm run sync ended (${child.exitCode}): ${output}`);
            return pageReads(HANGING) > 0;
          },
          { timeout: 45_000, interval: 25 },
        )
        .toBe(true);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    emulator.listings.faults.delete(clientOf(HANGING));

    const run = await db.syncRun.findFirstOrThrow({ where: { workspaceId: killed.workspaceId } });
    const finished = await db.syncRunApp.findMany({ where: { runId: run.id }, select: { appId: true } });
    expect(run).toMatchObject({ status: "RUNNING", appsTotal: APPS, appsDone: HANGING - 1 });
    expect(finished.map((f) => f.appId).sort()).toEqual(
      killed.apps
        .slice(0, HANGING - 1)
        .map((a) => a.id)
        .sort(),
    );
    const readBefore = Array.from({ length: APPS }, (_, i) => pageReads(i + 1));

    // The server's worker, once the heartbeat is older than the dead-run limit, takes the run over.
    expect(await resumeDeadRuns(new Date(Date.now() + deadAfterMs() + 1))).toEqual([run.id]);
    await expect
      .poll(async () => (await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).status, { timeout: 30_000 })
      .not.toBe("RUNNING");

    const resumed = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(resumed).toMatchObject({ status: "SUCCEEDED", appsTotal: APPS, appsDone: APPS, resumes: 1 });
    expect(await db.syncRun.count({ where: { workspaceId: killed.workspaceId } })).toBe(1);
    expect(await db.syncRunApp.count({ where: { runId: run.id } })).toBe(APPS);
    // Pages read after the kill: none of the apps the killed process had finished, each other app once.
    expect(Array.from({ length: APPS }, (_, i) => pageReads(i + 1) - readBefore[i]!)).toEqual(
      Array.from({ length: APPS }, (_, i) => (i + 1 < HANGING ? 0 : 1)),
    );

    // The same Marketplace read by a run nobody interrupted.
    const whole = await workspaceWithApps("Whole", 902);
    const reference = await syncWorkspace(whole.workspaceId, "CLI");
    expect(reference.status).toBe("SUCCEEDED");
    expect([resumed.added, resumed.updated, resumed.removed]).toEqual([
      reference.added,
      reference.updated,
      reference.removed,
    ]);
    expect(resumed.added).toBe(Array.from({ length: APPS }, (_, i) => i + 2).reduce((a, b) => a + b));
    expect(await storedReviews(killed.workspaceId)).toEqual(await storedReviews(whole.workspaceId));
    expect(await db.ratingSnapshot.count({ where: { app: { workspaceId: killed.workspaceId } } })).toBe(APPS);
  }, 120_000);
});

describe("who continues a run whose heartbeat stopped", () => {
  /** A run of a one-app workspace, left RUNNING by a process that went silent three minutes ago. */
  async function deadRun(companyId: number) {
    const workspace = await db.workspace.create({ data: { pipedriveCompanyId: companyId, name: `Dead ${companyId}` } });
    await db.app.create({
      data: {
        workspaceId: workspace.id,
        name: "App 1",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: clientOf(1),
        callbackUrl: "https://x.example.com/cb",
      },
    });
    const silent = new Date(Date.now() - deadAfterMs() - 60_000);
    const run = await db.syncRun.create({
      data: { workspaceId: workspace.id, trigger: "CRON", startedAt: silent, heartbeatAt: silent, appsTotal: 1 },
    });
    return { workspaceId: workspace.id, runId: run.id };
  }
  const finished = (runId: string) =>
    expect
      .poll(async () => (await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 20_000 })
      .toBe("SUCCEEDED");

  it("Sync now: the person's click continues it in the background and answers its id", async () => {
    const { workspaceId, runId } = await deadRun(903);
    const user = await db.user.create({ data: { pipedriveCompanyId: 903, pipedriveUserId: 1, name: "Sam" } });
    const member: Member = {
      user: { id: user.id, name: "Sam", email: null, image: null },
      workspace: { id: workspaceId, name: "Dead 903", domain: null, pipedriveCompanyId: 903 },
      role: "EDITOR",
    };
    expect(await startManualSync(member)).toEqual({ runId, started: false });
    await finished(runId);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ appsDone: 1, resumes: 1 });
    expect(await db.syncRun.count({ where: { workspaceId } })).toBe(1);
  });

  it("the server's resumer, as the server starts", async () => {
    const { workspaceId, runId } = await deadRun(904);
    startSyncResumer();
    await finished(runId);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ appsDone: 1, resumes: 1 });
    expect(await db.syncRun.count({ where: { workspaceId } })).toBe(1);
  });
});
