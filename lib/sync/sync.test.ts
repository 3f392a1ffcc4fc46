import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import {
  CLIENT_ID,
  clock,
  db,
  emulator,
  listing,
  options,
  readSyncReport,
  review,
  slept,
  syncWorkspace,
} from "./test-helpers";

const { executeRun, startManualSync } = await import("./sync");
const { claimDeadRun, startRun } = await import("./runs");
const { marketplaceUserAgent } = await import("@/lib/marketplace/fetch-page");
const { newPoliteness } = await import("@/lib/marketplace/politeness");

let workspaceId: string;
let appId: string;

const sync = () => syncWorkspace(workspaceId, "CLI", options());
const reviews = () =>
  db.review.findMany({ where: { appId }, orderBy: { externalKey: "asc" }, include: { revisions: true } });

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 77, name: "Sync" } });
  workspaceId = w.id;
  appId = (
    await db.app.create({
      data: {
        workspaceId,
        name: "QuoteFlow",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: CLIENT_ID,
        callbackUrl: "https://x.example.com/cb",
      },
    })
  ).id;
  // Neither a draft nor a private app is read.
  await db.app.create({
    data: {
      workspaceId,
      name: "Unlisted",
      type: "PRIVATE",
      status: "LIVE",
      clientId: "private-1",
      callbackUrl: "https://x.example.com/cb",
    },
  });
  await db.app.create({
    data: {
      workspaceId,
      name: "Drafty",
      type: "PUBLIC",
      status: "DRAFT",
      clientId: "draft-1",
      callbackUrl: "https://x.example.com/cb",
    },
  });
  const hook = await db.alertWebhook.create({
    data: {
      workspaceId,
      name: "All",
      url: "https://hooks.example.com/x",
      format: "JSON",
      events: "NEW_REVIEW LOW_RATING RATING_DROP SYNC_FAILING",
      secret: "unused",
    },
  });
  expect(hook.id).toBeTruthy();
});

describe("Marketplace sync against the emulator, from the pages (the API answers 404)", () => {
  // The page path on its own: what the sync falls back to when the Marketplace's API is gone.
  beforeAll(() => void (emulator.marketplaceApi.mode = "off"));
  it("first run: stores every review and a snapshot, reads only the published app, politely", async () => {
    emulator.listings.put(listing([review(1), review(2, 4), review(3, 3, { reply: "Thanks, fixed in 2.1" })]));
    const run = await sync();
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      appsTotal: 1,
      appsDone: 1,
      added: 3,
      updated: 0,
      removed: 0,
      trigger: "CLI",
    });
    const stored = await reviews();
    expect(stored.map((r) => [r.externalKey, r.author, r.stars, r.upvotes, r.publicReply, r.status])).toEqual([
      ["id:rv-1", "Reviewer 1", 5, 1, null, "NEW"],
      ["id:rv-2", "Reviewer 2", 4, 2, null, "NEW"],
      ["id:rv-3", "Reviewer 3", 3, 3, "Thanks, fixed in 2.1", "REPLIED"],
    ]);
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId } });
    expect(snapshots.map((s) => [s.average, s.reviewCount, s.installBand, s.runId])).toEqual([
      [4, 3, "1,000+", run.id],
    ]);
    expect(emulator.listings.requests.get(CLIENT_ID)).toEqual({ count: 1, userAgent: marketplaceUserAgent() });
    // The first read is a baseline: no "new review" alerts for reviews that were already there.
    expect(await db.alert.count({ where: { appId } })).toBe(0);
  });

  it("second run of the same page: adds nothing, changes nothing, one more snapshot", async () => {
    const before = await reviews();
    const run = await sync();
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 0, updated: 0, removed: 0 });
    expect(await reviews()).toEqual(before);
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(2);
    expect(await db.alert.count({ where: { appId } })).toBe(0);
  });

  it("an edited review is updated and keeps its previous text; a new one alerts; a vanished one is marked removed", async () => {
    emulator.listings.put(listing([review(1, 2, { text: "It broke after the update" }), review(2, 4), review(4, 1)]));
    const run = await sync();
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 1, updated: 1, removed: 1 });
    const stored = await reviews();
    const edited = stored.find((r) => r.externalKey === "id:rv-1")!;
    expect([edited.stars, edited.text]).toEqual([2, "It broke after the update"]);
    expect(edited.revisions.map((v) => [v.stars, v.text])).toEqual([[5, "Review number 1"]]);
    const removed = stored.find((r) => r.externalKey === "id:rv-3")!;
    expect(removed.removedAt).not.toBeNull();
    expect(stored).toHaveLength(4);
    const alerts = await db.alert.findMany({ where: { appId }, orderBy: { type: "asc" } });
    // The 1-star review matches two default rules ("Low ratings", "Every new review"): one alert, named by
    // the more specific rule.
    expect(alerts.map((a) => a.type)).toEqual(["LOW_RATING", "RATING_DROP"]);
    expect(alerts.find((a) => a.type === "RATING_DROP")!.title).toBe(
      "The rating of QuoteFlow dropped from 4.00 to 2.30 in 7 days",
    );
    // Each alert waits in the outbox for the webhook that listens to it, once per event.
    expect(await db.outboxMessage.count({ where: { appId, kind: "ALERT" } })).toBe(2);
  });

  it("a review rewritten after it was handled goes back to Needs reply; a new public reply marks one replied", async () => {
    await db.review.update({
      where: { appId_externalKey: { appId, externalKey: "id:rv-2" } },
      data: { status: "WONT_REPLY" },
    });
    emulator.listings.put(
      listing([
        review(1, 2, { text: "It broke after the update", reply: "Fixed in 2.2, sorry!" }),
        review(2, 1, { text: "Worse now" }),
        review(4, 1),
      ]),
    );
    const run = await sync();
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 0, updated: 2 });
    const byKey = Object.fromEntries((await reviews()).map((r) => [r.externalKey, r.status]));
    expect(byKey).toMatchObject({ "id:rv-1": "REPLIED", "id:rv-2": "NEEDS_REPLY", "id:rv-4": "NEW" });
  });

  it("honours 429 Retry-After (with a fake clock) and then succeeds", async () => {
    emulator.listings.faults.set(CLIENT_ID, [{ mode: "429", retryAfter: "7" }]);
    const run = await sync();
    expect(run.status).toBe("SUCCEEDED");
    expect(slept).toEqual([7_000]);
  });

  it("three 500s fail the run, leave the data as it was, and the third failure in a row alerts", async () => {
    const before = await reviews();
    const snapshots = await db.ratingSnapshot.count({ where: { appId } });
    for (let i = 1; i <= 3; i++) {
      clock.now += 3_600_000;
      emulator.listings.faults.set(CLIENT_ID, [{ mode: "500" }, { mode: "500" }, { mode: "500" }]);
      const run = await sync();
      expect(run).toMatchObject({ status: "FAILED", appsDone: 1, added: 0 });
      expect(run.error).toBe(
        "QuoteFlow: The listing page could not be fetched after 3 attempts: the site answered HTTP 500",
      );
      expect(await db.alert.count({ where: { appId, type: "SYNC_FAILING" } })).toBe(i === 3 ? 1 : 0);
    }
    expect(await reviews()).toEqual(before);
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(snapshots);
    expect(slept).toHaveLength(6);
  });

  it("a page without data fails the run with a message that says so, and stores no zeros", async () => {
    const snapshots = await db.ratingSnapshot.count({ where: { appId } });
    emulator.listings.faults.set(CLIENT_ID, [{ mode: "garbage" }]);
    const run = await sync();
    expect(run.status).toBe("FAILED");
    expect(run.error).toBe(
      "QuoteFlow: The page is not a Marketplace listing Listing Studio can read: it has no rating, no reviews and no listing data. Nothing was stored. Check the Marketplace page URL in the app's settings.",
    );
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(snapshots);
    const row = await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } });
    expect(readSyncReport(row.report)).toMatchObject({
      outcome: "failed",
      problem: "not-a-listing",
      sources: expect.arrayContaining([{ source: "dom", found: 0, read: null, skipped: [] }]),
    });
  });

  it("gives up on a page that does not answer in time", async () => {
    emulator.listings.faults.set(CLIENT_ID, [
      { mode: "slow", delayMs: 600 },
      { mode: "slow", delayMs: 600 },
      { mode: "slow", delayMs: 600 },
    ]);
    const run = await syncWorkspace(workspaceId, "CLI", {
      ...options(),
      fetch: { ...options().fetch, timeoutMs: 200 },
    });
    expect(run.error).toBe(
      "QuoteFlow: The listing page could not be fetched after 3 attempts: no answer within 200 ms",
    );
  });

  it("one run per workspace at a time; a run whose heartbeat stopped is continued by one caller, not restarted", async () => {
    const first = await startRun(workspaceId, "MANUAL", null, new Date(clock.now));
    expect(first).toMatchObject({ started: true, resumed: false });
    const again = await startRun(workspaceId, "MANUAL", null, new Date(clock.now + 60_000));
    expect([again.started, again.resumed, again.run.id]).toEqual([false, false, first.run.id]);
    // Two minutes without a heartbeat: the process died. One caller takes the run over; the other is told it runs.
    const later = new Date(clock.now + 2 * 60_000 + 1);
    const seen = await db.syncRun.findUniqueOrThrow({ where: { id: first.run.id } });
    const [a, b] = [await startRun(workspaceId, "CLI", null, later), await startRun(workspaceId, "CLI", null, later)];
    expect([a.run.id, a.started, a.resumed]).toEqual([first.run.id, false, true]);
    expect([b.run.id, b.started, b.resumed]).toEqual([first.run.id, false, false]);
    // A process that read the dead run before the other claimed it cannot claim it too.
    expect(await claimDeadRun(seen, later)).toBe(false);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: first.run.id } })).toMatchObject({
      status: "RUNNING",
      resumes: 1,
      heartbeatAt: later,
    });
    const done = await executeRun(first.run.id, options());
    expect(done).toMatchObject({ id: first.run.id, status: "SUCCEEDED", appsDone: 1, appsTotal: 1 });
    expect(await db.syncRun.count({ where: { workspaceId, status: "RUNNING" } })).toBe(0);
  });

  it("a run beats its heartbeat at its requests to the Marketplace, and gives the request hook back", async () => {
    const { run } = await startRun(workspaceId, "CLI", null, new Date(clock.now));
    // The run's clock moves a minute at each look; each request sees the heartbeat the one before it left.
    let minutes = 0;
    const seen: number[] = [];
    const politeness = newPoliteness({ paceMs: 0, robots: false });
    const ours = async () =>
      void seen.push((await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).heartbeatAt!.getTime());
    politeness.beforeRequest = ours;
    const done = await executeRun(run.id, {
      ...options(),
      fetch: { ...options().fetch, politeness },
      now: () => new Date(clock.now + 60_000 * ++minutes),
    });
    expect(done.status).toBe("SUCCEEDED");
    expect(seen.length).toBeGreaterThan(2);
    // Each request after the first finds a later heartbeat than the one before it found.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    expect(politeness.beforeRequest).toBe(ours);
  });

  it("a run silent for a day is closed as interrupted, and the next one starts afresh", async () => {
    const old = await startRun(workspaceId, "CRON", null, new Date(clock.now));
    const next = await startRun(workspaceId, "CRON", null, new Date(clock.now + 24 * 3_600_000 + 1));
    expect(next).toMatchObject({ started: true, resumed: false });
    expect(next.run.id).not.toBe(old.run.id);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: old.run.id } })).toMatchObject({
      status: "FAILED",
      error: "The run was interrupted (the server stopped before it finished)",
    });
    expect((await executeRun(next.run.id, options())).status).toBe("SUCCEEDED");
  });

  it("a continued run reads only the apps it has no result for, and adds to its counters", async () => {
    const second = await db.app.create({
      data: {
        workspaceId,
        name: "Second",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "second-1",
        callbackUrl: "https://x.example.com/cb",
      },
    });
    emulator.listings.put(listing([review(30)], { clientId: "second-1", name: "Second" }));
    const { run } = await startRun(workspaceId, "CLI", null, new Date(clock.now));
    // What the process that died had committed: QuoteFlow's result and its share of the counters.
    await db.syncRunApp.create({ data: { runId: run.id, appId, url: "x", status: "SUCCEEDED", added: 2 } });
    await db.syncRun.update({ where: { id: run.id }, data: { appsDone: 1, added: 2, requests: 5 } });
    const pages = (clientId: string) => emulator.listings.requests.get(clientId)?.count ?? 0;
    const before = { quoteflow: pages(CLIENT_ID), second: pages("second-1") };
    const done = await executeRun(run.id, options());
    expect(done).toMatchObject({ status: "SUCCEEDED", appsTotal: 2, appsDone: 2, added: 3 });
    expect(done.requests).toBeGreaterThan(5);
    expect([pages(CLIENT_ID) - before.quoteflow, pages("second-1") - before.second]).toEqual([0, 1]);
    expect(await db.syncRunApp.count({ where: { runId: run.id } })).toBe(2);
    await db.app.delete({ where: { id: second.id } });
  });

  it("Sync now answers at once, runs in the background and is audited under the person who asked", async () => {
    const user = await db.user.create({ data: { pipedriveCompanyId: 77, pipedriveUserId: 2, name: "Sam Sync" } });
    const member: Member = {
      user: { id: user.id, name: "Sam Sync", email: null, image: null },
      workspace: { id: workspaceId, name: "Sync", domain: null, pipedriveCompanyId: 77 },
      role: "EDITOR",
    };
    const first = await startManualSync(member);
    expect(first.started).toBe(true);
    const again = await startManualSync(member);
    expect(again).toEqual({ runId: first.runId, started: false });
    await expect
      .poll(async () => (await db.syncRun.findUniqueOrThrow({ where: { id: first.runId } })).status, {
        timeout: 10_000,
      })
      .not.toBe("RUNNING");
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({
      status: "SUCCEEDED",
      startedById: user.id,
    });
    expect(
      await db.auditEvent.count({
        where: { workspaceId, action: "sync.start", targetId: first.runId, actorId: user.id },
      }),
    ).toBe(1);
  });
});

describe("a read hard to believe against the one before", () => {
  it("is stored as read, with a warning in Sync history and on the rating card", async () => {
    emulator.listings.faults.delete(CLIENT_ID);
    // After the run Sync now made on the real clock.
    clock.now = Math.max(clock.now, Date.now()) + 86_400_000;
    emulator.listings.put(listing(Array.from({ length: 10 }, (_, i) => review(i + 1))));
    expect((await sync()).status).toBe("SUCCEEDED");
    clock.now += 3_600_000;
    emulator.listings.put(listing([review(1), review(2), review(3)]));
    expect((await sync()).status).toBe("SUCCEEDED");
    const last = await db.syncRunApp.findFirstOrThrow({ where: { appId }, orderBy: { finishedAt: "desc" } });
    expect(readSyncReport(last.report)!.warnings).toEqual([
      expect.stringContaining("The review count fell from 10 to 3 since the last read"),
    ]);
    // Nothing is corrected: the snapshot holds what the page showed.
    const snapshot = await db.ratingSnapshot.findFirstOrThrow({ where: { appId }, orderBy: { takenAt: "desc" } });
    expect(snapshot.reviewCount).toBe(3);
    const { ratingSummaries } = await import("./ratings");
    const member: Member = {
      user: { id: "u", name: "Sam Sync", email: null, image: null },
      workspace: { id: workspaceId, name: "Sync", domain: null, pipedriveCompanyId: 77 },
      role: "VIEWER",
    };
    const { summaries } = await ratingSummaries(member);
    expect(summaries[0]!.lastSync!.warnings).toHaveLength(1);
    // A read that holds steady warns of nothing.
    clock.now += 3_600_000;
    expect((await sync()).status).toBe("SUCCEEDED");
    const next = await db.syncRunApp.findFirstOrThrow({ where: { appId }, orderBy: { finishedAt: "desc" } });
    expect(readSyncReport(next.report)!.warnings ?? []).toEqual([]);
  });
});

describe("a published app with no client ID yet", () => {
  it("fails its read with the reason and where to add it, and the other apps are read", async () => {
    const early = await db.app.create({
      data: {
        workspaceId,
        name: "Early",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "",
        callbackUrl: "https://e.example.com/cb",
      },
    });
    const run = await sync();
    expect(run.status).toBe("PARTIAL");
    const result = await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id, appId: early.id } });
    expect(result.status).toBe("FAILED");
    expect(readSyncReport(result.report)!.problem).toBe("no-client-id");
    const { fixOf } = await import("./report");
    expect(fixOf("no-client-id", early.id)!.href).toBe(`/apps/${early.id}/settings#client`);
    expect(await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id, appId } })).toMatchObject({
      status: "SUCCEEDED",
    });
    await db.app.delete({ where: { id: early.id } });
  });
});
