import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "@/e2e/emulator/server";
import type { Listing, ListingInput } from "@/e2e/emulator/listings";
import type { ListingShape } from "@/e2e/emulator/listing-pages";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
const { db } = await import("@/lib/db");
const { syncWorkspace, startRun, executeRun, runProgress, startManualSync } = await import("./sync");
const { USER_AGENT } = await import("@/lib/marketplace/fetch-page");
const { readSyncReport } = await import("./sync-report");

const CLIENT = "qf-client-1";
let workspaceId: string;
let appId: string;

const review = (n: number, stars = 5, extra: Partial<Listing["reviews"][number]> = {}) => ({
  id: `rv-${n}`,
  author: `Reviewer ${n}`,
  stars,
  date: `2026-11-${String(n).padStart(2, "0")}T09:00:00Z`,
  text: `Review number ${n}`,
  upvotes: n,
  reply: null,
  ...extra,
});
const listing = (reviews: Listing["reviews"], extra: Partial<ListingInput> = {}): ListingInput => ({
  clientId: CLIENT,
  name: "QuoteFlow",
  builtBy: "Acme",
  summary: "",
  installBand: "1,000+",
  reviews,
  ...extra,
});

/** A fake clock: sleeps are recorded, not waited; the run's time moves forward by a day each call. */
let clock = Date.parse("2026-11-20T12:00:00Z");
const slept: number[] = [];
const options = () => ({
  fetch: { sleep: async (ms: number) => void slept.push(ms), random: () => 0.5, timeoutMs: 2_000, attempts: 3 },
  now: () => new Date(clock),
});
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
        clientId: CLIENT,
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

beforeEach(() => {
  clock += 86_400_000;
  slept.length = 0;
});

afterAll(() => emulator.close());

describe("Marketplace sync against the emulator", () => {
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
    expect(emulator.listings.requests.get(CLIENT)).toEqual({ count: 1, userAgent: USER_AGENT });
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
    emulator.listings.faults.set(CLIENT, [{ mode: "429", retryAfter: "7" }]);
    const run = await sync();
    expect(run.status).toBe("SUCCEEDED");
    expect(slept).toEqual([7_000]);
  });

  it("three 500s fail the run, leave the data as it was, and the third failure in a row alerts", async () => {
    const before = await reviews();
    const snapshots = await db.ratingSnapshot.count({ where: { appId } });
    for (let i = 1; i <= 3; i++) {
      clock += 3_600_000;
      emulator.listings.faults.set(CLIENT, [{ mode: "500" }, { mode: "500" }, { mode: "500" }]);
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
    emulator.listings.faults.set(CLIENT, [{ mode: "garbage" }]);
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
    emulator.listings.faults.set(CLIENT, [
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
    const first = await startRun(workspaceId, "MANUAL", null, new Date(clock));
    expect(first.started).toBe(true);
    const again = await startRun(workspaceId, "MANUAL", null, new Date(clock + 60_000));
    expect([again.started, again.run.id]).toEqual([false, first.run.id]);
    const later = await startRun(workspaceId, "MANUAL", null, new Date(clock + 16 * 60_000));
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

describe("every page shape, through a real sync", () => {
  const REVIEWS = [
    {
      id: "s-1",
      author: "Hana Sato",
      stars: 5,
      date: "2026-11-10T09:00:00.000Z",
      text: "Makes quoting painless.",
      upvotes: 4,
      reply: "Thank you, Hana!",
    },
    {
      id: "s-2",
      author: "Ivan Petrov",
      stars: 2,
      date: "2026-11-12T09:00:00.000Z",
      text: `Crashes — ${"a long story. ".repeat(90)}`.trim(),
      upvotes: 0,
      reply: null,
    },
  ];
  let n = 0;

  /** A workspace of its own with one published app whose Marketplace page has this shape. */
  async function publishedApp(shape: ListingShape, name = "RingCentral App Connect") {
    const w = await db.workspace.create({ data: { pipedriveCompanyId: 9000 + ++n, name: `Shapes ${n}` } });
    const clientId = `shape-client-${n}`;
    const app = await db.app.create({
      data: {
        workspaceId: w.id,
        name,
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId,
        callbackUrl: "https://x.example.com/cb",
      },
    });
    emulator.listings.put({
      clientId,
      name,
      builtBy: "Ring Partners",
      installBand: "500+",
      votes: { up: 12, down: 1 },
      reviews: REVIEWS,
      shape,
    });
    return { workspaceId: w.id, appId: app.id, clientId };
  }
  const stored = (appId: string) => db.review.findMany({ where: { appId }, orderBy: { reviewedAt: "asc" } });

  it.each(["json-ld", "next-data", "flight", "microdata", "dom"] as const)(
    "%s: stores the rating and every review, and reports where they came from",
    async (shape) => {
      const { workspaceId, appId } = await publishedApp(shape);
      const run = await syncWorkspace(workspaceId, "CLI", options());
      expect(run).toMatchObject({ status: "SUCCEEDED", added: 2 });
      expect(
        (await stored(appId)).map((r) => [
          r.author,
          r.stars,
          r.text,
          r.publicReply,
          r.upvotes,
          r.reviewedAt?.toISOString(),
        ]),
      ).toEqual(REVIEWS.map((r) => [r.author, r.stars, r.text, r.reply, r.upvotes, r.date]));
      const snapshot = await db.ratingSnapshot.findFirstOrThrow({ where: { appId } });
      expect([snapshot.average, snapshot.reviewCount]).toEqual([3.5, 2]);
      if (shape !== "microdata") expect(snapshot.installBand).toBe("500+");
      if (shape === "next-data" || shape === "flight") expect([snapshot.votesUp, snapshot.votesDown]).toEqual([12, 1]);
      const row = await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } });
      expect(row.parser).toBe(shape);
      const report = readSyncReport(row.report)!;
      expect(report).toMatchObject({ outcome: "read", problem: null });
      expect(report.sources.find((s) => s.source === shape)!.read).toContain("2 reviews read");
      // The URL read is the default one, with Pipedrive's slug.
      expect(row.url).toBe(`${emulator.url}/en/marketplace/app/ring-central-app-connect/${row.url.split("/").at(-1)}`);
    },
  );

  it("no reviews yet: a successful read of zero, not an error", async () => {
    const { workspaceId, appId } = await publishedApp("no-reviews");
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 0 });
    expect(await db.ratingSnapshot.findFirstOrThrow({ where: { appId } })).toMatchObject({
      average: null,
      reviewCount: 0,
    });
    expect(readSyncReport((await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } })).report)).toMatchObject({
      outcome: "no-reviews",
      summary: "The listing has no reviews yet (the visible page)",
    });
  });

  it("a bot challenge fails the app with that reason, asks only once, and stores nothing", async () => {
    const { workspaceId, appId, clientId } = await publishedApp("challenge");
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run.status).toBe("FAILED");
    expect(run.error).toContain('Pipedrive answered with a bot check ("Just a moment...")');
    expect(emulator.listings.requests.get(clientId)!.count).toBe(1);
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(0);
    expect(readSyncReport((await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } })).report)!.problem).toBe(
      "challenge",
    );
  });

  it("a page that moves from structured data to markup only keeps every review's identity", async () => {
    const { workspaceId, appId, clientId } = await publishedApp("json-ld");
    await syncWorkspace(workspaceId, "CLI", options());
    const before = await stored(appId);
    expect(before.map((r) => r.externalKey)).toEqual(["id:s-1", "id:s-2"]);
    emulator.listings.put({
      clientId,
      name: "RingCentral App Connect",
      builtBy: "Ring Partners",
      reviews: REVIEWS,
      shape: "dom",
    });
    clock += 86_400_000;
    expect(await syncWorkspace(workspaceId, "CLI", options())).toMatchObject({
      status: "SUCCEEDED",
      added: 0,
      updated: 0,
      removed: 0,
    });
    const after = await stored(appId);
    expect(after.map((r) => [r.id, r.removedAt, r.anchor])).toEqual(
      before.map((r) => [r.id, null, `review-${r.externalKey.slice(3)}`]),
    );
    emulator.listings.put({
      clientId,
      name: "RingCentral App Connect",
      builtBy: "Ring Partners",
      reviews: REVIEWS,
      shape: "next-data",
    });
    clock += 86_400_000;
    expect(await syncWorkspace(workspaceId, "CLI", options())).toMatchObject({ added: 0, removed: 0 });
    expect((await stored(appId)).map((r) => [r.id, r.externalKey])).toEqual(before.map((r) => [r.id, r.externalKey]));
  });

  it("a URL that does not lead to the listing fails with the page's answer, marked as an address to correct", async () => {
    const { workspaceId, appId } = await publishedApp("json-ld", "Old Name");
    await db.app.update({ where: { id: appId }, data: { name: "New Name" } });
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run.error).toBe(
      "New Name: The listing page answered HTTP 404: there is no Marketplace page at this address",
    );
    expect(readSyncReport((await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } })).report)!.problem).toBe(
      "not-found",
    );
    // "Sync now" follows the run and offers the way to the field that fixes it.
    expect((await runProgress(workspaceId, run.id))!.failures).toEqual([
      {
        app: "New Name",
        message: "The listing page answered HTTP 404: there is no Marketplace page at this address",
        fix: {
          label: "Check the Marketplace page URL",
          short: "Fix the URL",
          href: `/apps/${appId}/settings#listing-url`,
        },
      },
    ]);
    expect(await runProgress("another-workspace", run.id)).toBeNull();
  });
});
