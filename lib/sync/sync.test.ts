import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { Listing, ListingInput } from "@/emulator/listings";
import type { ListingShape } from "@/emulator/listing-pages";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
const { db } = await import("@/lib/db");
const { syncWorkspace, executeRun, startManualSync } = await import("./sync");
const { startRun, runProgress } = await import("./runs");
const { marketplaceUserAgent } = await import("@/lib/marketplace/fetch-page");
const { readSyncReport } = await import("./report");
const { capturesOfRun } = await import("@/lib/captures/store");
const { newPoliteness } = await import("@/lib/marketplace/politeness");

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
    expect(emulator.listings.requests.get(CLIENT)).toEqual({ count: 1, userAgent: marketplaceUserAgent() });
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

describe("every page shape, through a real sync (the API answers 404)", () => {
  beforeAll(() => void (emulator.marketplaceApi.mode = "off"));
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

  it("an address where the Marketplace has no page for the app fails as an address to correct, after looking it up", async () => {
    const { workspaceId, appId, clientId } = await publishedApp("json-ld", "Old Name");
    await db.app.update({ where: { id: appId }, data: { name: "New Name" } });
    // Gone from the Marketplace altogether: neither its page nor the sitemap knows the client id.
    emulator.listings.listings.delete(clientId);
    const run = await syncWorkspace(workspaceId, "CLI", options());
    const message =
      "The listing page answered HTTP 404: there is no Marketplace page at this address, and the Marketplace lists none for this app's client id";
    expect(run.error).toBe(`New Name: ${message}`);
    expect(readSyncReport((await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } })).report)!.problem).toBe(
      "not-found",
    );
    // "Sync now" follows the run and offers the way to the field that fixes it.
    expect((await runProgress(workspaceId, run.id))!.failures).toEqual([
      {
        app: "New Name",
        message,
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

describe("the Marketplace's API first, the pages after", () => {
  const API = "the Marketplace's API";
  // The newest has a public reply, which the API does not carry.
  const REVIEWS = [1, 2, 3, 4, 5].map((i) => review(i, i === 2 ? 2 : 5, i === 5 ? { reply: "Thank you!" } : {}));
  let n = 0;

  async function publishedApp(input: Partial<ListingInput> = {}, listingUrl: string | null = null) {
    const w = await db.workspace.create({ data: { pipedriveCompanyId: 9500 + ++n, name: `API ${n}` } });
    const clientId = `api-client-${n}`;
    const app = await db.app.create({
      data: {
        workspaceId: w.id,
        name: input.name ?? "Deal Desk",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId,
        listingUrl,
        callbackUrl: "https://x.example.com/cb",
      },
    });
    emulator.listings.put({ ...listing(REVIEWS, { name: "Deal Desk", installBand: "500+" }), ...input, clientId });
    return { workspaceId: w.id, appId: app.id, clientId };
  }
  const rowOf = async (runId: string) => {
    const row = await db.syncRunApp.findFirstOrThrow({ where: { runId } });
    return { row, report: readSyncReport(row.report)! };
  };
  const mode = (m: "on" | "off" | "403" | "challenge" | "renamed") => void (emulator.marketplaceApi.mode = m);

  beforeEach(() => mode("on"));
  afterAll(() => mode("on"));

  it("takes the rating and count from the API and the reviews from the page, each review once", async () => {
    const { workspaceId, appId, clientId } = await publishedApp();
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 5 });
    expect(emulator.marketplaceApi.calls).toContain(`app/${clientId}`);
    // The API carries the three newest reviews, the page all five: five stored, not eight.
    expect((await db.review.findMany({ where: { appId } })).map((r) => r.externalKey).sort()).toEqual(
      REVIEWS.map((r) => `id:${r.id}`),
    );
    expect(await db.ratingSnapshot.findFirstOrThrow({ where: { appId } })).toMatchObject({
      average: 4.4,
      reviewCount: 5,
    });
    const { row, report } = await rowOf(run.id);
    expect([row.status, row.parser]).toEqual(["SUCCEEDED", "api"]);
    expect(report).toMatchObject({
      outcome: "read",
      api: { url: emulator.url, outcome: "used", reason: null },
      figures: { rating: API, count: API, reviews: ["the page's JSON-LD", API] },
    });
    expect(report.summary).toBe(
      `Read a rating of 4.4 (${API}) and 5 reviews (${API}), 5 shown (${report.figures!.reviews.join(" and ")})`,
    );
  });

  it.each([
    ["off", /answered HTTP 404/],
    ["403", /HTTP 403/],
    ["challenge", /bot check/],
  ] as const)("falls back to the page when the API answers %s, and says why", async (m, reason) => {
    mode(m);
    const { workspaceId, appId } = await publishedApp();
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 5 });
    expect(await db.ratingSnapshot.findFirstOrThrow({ where: { appId } })).toMatchObject({
      average: 4.4,
      reviewCount: 5,
    });
    const { row, report } = await rowOf(run.id);
    expect(row.parser).toBe("json-ld");
    expect(report.api).toMatchObject({ outcome: "unavailable", reason: expect.stringMatching(reason) });
    expect(report.figures).toEqual({
      rating: "the page's JSON-LD",
      count: "the page's JSON-LD",
      reviews: ["the page's JSON-LD"],
    });
  });

  it("reads the API under the flat field names of the catalog exports", async () => {
    mode("renamed");
    const { workspaceId, appId } = await publishedApp({ shape: "dom" });
    const run = await syncWorkspace(workspaceId, "CLI", options());
    expect(run.status).toBe("SUCCEEDED");
    expect(await db.ratingSnapshot.findFirstOrThrow({ where: { appId } })).toMatchObject({
      average: 4.4,
      reviewCount: 5,
      installBand: "500+",
    });
    expect((await rowOf(run.id)).report).toMatchObject({ api: { outcome: "used" }, figures: { rating: API } });
  });

  it("a page that fails while the API answers is a partial read: figures and the API's reviews stored, the page kept as evidence", async () => {
    const { workspaceId, appId, clientId } = await publishedApp();
    await syncWorkspace(workspaceId, "CLI", options());
    const before = await db.review.findMany({ where: { appId }, orderBy: { externalKey: "asc" } });
    emulator.listings.put({ ...listing([...REVIEWS, review(6, 1)], { name: "Deal Desk" }), clientId });
    emulator.listings.faults.set(clientId, [{ mode: "garbage" }]);
    clock += 86_400_000;
    const run = await syncWorkspace(workspaceId, "CLI", options());
    // The new review is among the three newest the API carries; the older ones it does not carry stay as they were.
    expect(run).toMatchObject({ status: "PARTIAL", added: 1, removed: 0, error: null });
    const { row, report } = await rowOf(run.id);
    expect(row.status).toBe("PARTIAL");
    expect(report.outcome).toBe("partial");
    expect(report.warnings).toEqual([
      expect.stringMatching(/^The page could not be read \(.+\): only the 3 newest reviews the API carries were read$/),
    ]);
    // What the API does not carry (the reply, the anchor on the page) is kept as it was.
    expect(before.find((r) => r.externalKey === "id:rv-5")).toMatchObject({
      publicReply: "Thank you!",
      status: "REPLIED",
    });
    const after = await db.review.findMany({ where: { appId }, orderBy: { externalKey: "asc" } });
    expect(after.filter((r) => r.externalKey !== "id:rv-6")).toEqual(before);
    expect(after.find((r) => r.externalKey === "id:rv-6")).toMatchObject({ stars: 1, removedAt: null });
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId }, orderBy: { takenAt: "asc" } });
    expect(snapshots.map((s) => [s.average, s.reviewCount])).toEqual([
      [4.4, 5],
      [3.8, 6],
    ]);
    const [capture] = await capturesOfRun(workspaceId, run.id);
    expect(capture).toMatchObject({ appId, kind: "LISTING", status: 200 });
    expect(capture!.reason).toMatch(/not a Marketplace listing/);
    // "Sync now" says the app was read in part, and is not a failure.
    expect(await runProgress(workspaceId, run.id)).toMatchObject({ failures: [], partlyRead: ["Deal Desk"] });
  });

  it("a failed read keeps what the site served; only the last three per app are kept", async () => {
    mode("off");
    const { workspaceId, appId, clientId } = await publishedApp();
    const runs = [];
    for (let i = 0; i < 4; i++) {
      emulator.listings.faults.set(clientId, [{ mode: "garbage" }]);
      clock += 3_600_000;
      runs.push(await syncWorkspace(workspaceId, "CLI", options()));
    }
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED"]);
    expect(await db.marketplaceCapture.count({ where: { appId } })).toBe(3);
    expect(await capturesOfRun(workspaceId, runs[0]!.id)).toEqual([]);
    expect(await capturesOfRun(workspaceId, runs[3]!.id)).toHaveLength(1);
    expect(await capturesOfRun("another-workspace", runs[3]!.id)).toEqual([]);
  });

  it.each([
    ["404", "off", "lookup"],
    ["404", "renamed", "lookup"],
    ["redirect", "off", "redirect"],
    ["canonical", "on", "canonical"],
  ] as const)(
    "a renamed listing (old slug: %s, API %s) is followed, its address stored and audited",
    async (renamed, api, how) => {
      mode(api);
      const old = `${emulator.url}/en/marketplace/app/deal-desk-classic/`;
      const { workspaceId, appId, clientId } = await publishedApp({
        name: "Deal Desk",
        previousSlugs: ["deal-desk-classic"],
        renamed,
      });
      await db.app.update({ where: { id: appId }, data: { listingUrl: `${old}${clientId}` } });
      const run = await syncWorkspace(workspaceId, "CLI", options());
      expect(run).toMatchObject({ status: "SUCCEEDED", added: 5 });
      const now = `${emulator.url}/en/marketplace/app/deal-desk/${clientId}`;
      expect((await db.app.findUniqueOrThrow({ where: { id: appId } })).listingUrl).toBe(now);
      const { row, report } = await rowOf(run.id);
      expect(row.url).toBe(now);
      expect(report.moved).toEqual({ from: `${old}${clientId}`, to: now, how });
      expect(
        await db.auditEvent.findFirstOrThrow({ where: { workspaceId, action: "app.listing_url", targetId: appId } }),
      ).toMatchObject({ actorName: "Marketplace sync" });
      // The next run reads the new address at once.
      clock += 86_400_000;
      const next = await syncWorkspace(workspaceId, "CLI", options());
      expect((await rowOf(next.id)).report.moved).toBeNull();
    },
  );

  it("robots.txt is obeyed: a disallowed page is not read, and the run says so", async () => {
    mode("off");
    const { workspaceId, clientId } = await publishedApp();
    await fetch(`${emulator.url}/__emulator/robots`, {
      method: "POST",
      body: JSON.stringify({ disallow: ["/en/marketplace/app/"] }),
    });
    try {
      const run = await syncWorkspace(workspaceId, "CLI", options());
      expect(run.status).toBe("FAILED");
      expect(run.error).toMatch(/robots\.txt asks bots like Listing Studio's not to read \/en\/marketplace\/app\//);
      expect((await rowOf(run.id)).report.problem).toBe("robots");
      expect(emulator.listings.requests.get(clientId)).toBeUndefined();
    } finally {
      await fetch(`${emulator.url}/__emulator/robots`, { method: "POST", body: JSON.stringify({ disallow: [] }) });
    }
  });

  it("paces its requests to the Marketplace and tells how long the run waited", async () => {
    const { workspaceId } = await publishedApp();
    const politeness = newPoliteness({ paceMs: 1_000 });
    const fixed = clock;
    const fetch = { ...options().fetch, politeness, now: () => fixed };
    const run = await syncWorkspace(workspaceId, "CLI", { ...options(), fetch });
    // The API and the page, on one host, a second apart (the fake clock does not move: each wait is recorded).
    expect(run.requests).toBeGreaterThanOrEqual(2);
    expect(slept.length).toBe(run.requests - 1);
    expect(slept.every((ms) => ms >= 1_000 && ms % 1_000 === 0)).toBe(true);
    expect(run.waitedMs).toBe(slept.reduce((a, b) => a + b, 0));
  });
});
