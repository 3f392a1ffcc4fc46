import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ListingInput } from "@/emulator/listings";
import { clock, db, emulator, listing, options, readSyncReport, review, slept, syncWorkspace } from "./test-helpers";

const { runProgress } = await import("./runs");
const { capturesOfRun } = await import("@/lib/captures/store");
const { newPoliteness } = await import("@/lib/marketplace/politeness");

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
    clock.now += 86_400_000;
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
      clock.now += 3_600_000;
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
      clock.now += 86_400_000;
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
    const fixed = clock.now;
    const fetch = { ...options().fetch, politeness, now: () => fixed };
    const run = await syncWorkspace(workspaceId, "CLI", { ...options(), fetch });
    // The API and the page, on one host, a second apart (the fake clock does not move: each wait is recorded).
    expect(run.requests).toBeGreaterThanOrEqual(2);
    expect(slept.length).toBe(run.requests - 1);
    expect(slept.every((ms) => ms >= 1_000 && ms % 1_000 === 0)).toBe(true);
    expect(run.waitedMs).toBe(slept.reduce((a, b) => a + b, 0));
  });
});
