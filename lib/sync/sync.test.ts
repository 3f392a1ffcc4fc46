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
const { startRun } = await import("./runs");
const { marketplaceUserAgent } = await import("@/lib/marketplace/fetch-page");

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

  it("one run per workspace at a time; a run left RUNNING by a dead process is closed", async () => {
    const first = await startRun(workspaceId, "MANUAL", null, new Date(clock.now));
    expect(first.started).toBe(true);
    const again = await startRun(workspaceId, "MANUAL", null, new Date(clock.now + 60_000));
    expect([again.started, again.run.id]).toEqual([false, first.run.id]);
    const later = await startRun(workspaceId, "MANUAL", null, new Date(clock.now + 16 * 60_000));
    expect(later.started).toBe(true);
    expect(await db.syncRun.findUnique({ where: { id: first.run.id } })).toMatchObject({
      status: "FAILED",
      error: "The run was interrupted (the server stopped before it finished)",
    });
    const done = await executeRun(later.run.id, options());
    expect(done.status).toBe("SUCCEEDED");
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
