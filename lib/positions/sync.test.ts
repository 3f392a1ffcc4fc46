import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { CollectionInput } from "@/emulator/collections";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
const { db } = await import("@/lib/db");
const { syncPositions } = await import("./sync");
const { syncWorkspace } = await import("@/lib/sync/sync");

const CLIENT = "quoteflow-client";
const others = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ clientId: `other-${from + i}` }));
const put = (list: CollectionInput) =>
  fetch(`${emulator.url}/__emulator/collections`, { method: "POST", body: JSON.stringify(list) }).then((r) =>
    expect(r.status).toBe(201),
  );
/** Places the app at `rank` (1-based) in a list of `size` apps; null: not in it. */
const ranked = (rank: number | null, size: number) => {
  const apps = others(size - (rank === null ? 0 : 1));
  if (rank !== null) apps.splice(rank - 1, 0, { clientId: CLIENT });
  return apps;
};
const snapshots = () => db.rankSnapshot.findMany({ where: { appId }, orderBy: [{ day: "asc" }, { listKey: "asc" }] });
const fetchOptions = { sleep: async () => {}, random: () => 0.5, timeoutMs: 2_000, attempts: 1 };

let workspaceId: string;
let appId: string;
beforeAll(async () => {
  const owner = await createOwner(db, 501);
  workspaceId = owner.workspace.id;
  const app = await db.app.create({
    data: {
      workspaceId,
      name: "QuoteFlow",
      type: "PUBLIC",
      status: "PUBLISHED",
      clientId: CLIENT,
      callbackUrl: "https://q.example.com/cb",
    },
  });
  appId = app.id;
  await db.listingDraft.create({ data: { appId, data: JSON.stringify({ categories: ["Sales tools"] }) } });
  await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "json-ld", apps: ranked(7, 30) });
  await put({ kind: "collection", key: "trending", name: "Trending", shape: "flight", apps: ranked(null, 12) });
  await put({ kind: "collection", key: "app-extensions", name: "App extensions", shape: "challenge", apps: [] });
  await put({
    kind: "category",
    key: "sales-tools",
    name: "Sales tools",
    shape: "dom",
    pageSize: 10,
    apps: ranked(14, 23),
  });
});
afterAll(() => emulator.close());

describe("positions in the Marketplace's lists, from their pages (the API answers 404)", () => {
  beforeAll(() => void (emulator.marketplaceApi.mode = "off"));
  it("records each list once a day: the rank, the list's size, none for an unreadable list", async () => {
    const first = await syncPositions(workspaceId, { now: new Date("2026-11-20T10:00:00Z"), fetch: fetchOptions });
    expect(first.changes).toEqual([]);
    expect(first.errors).toEqual([expect.stringMatching(/^App extensions: .*(bot|check)/i)]);
    expect((await snapshots()).map((s) => [s.day, s.listKey, s.rank, s.listSize])).toEqual([
      ["2026-11-20", "sales-tools", 14, 23],
      ["2026-11-20", "top-rated", 7, 30],
      ["2026-11-20", "trending", null, 12],
    ]);
    // Again the same day: replaced, not added.
    await syncPositions(workspaceId, { now: new Date("2026-11-20T18:00:00Z"), fetch: fetchOptions });
    expect(await db.rankSnapshot.count({ where: { appId } })).toBe(3);
  });

  it("answers the moves since the day before, and never stores a rank it could not see", async () => {
    await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "json-ld", apps: ranked(4, 30) });
    await put({ kind: "collection", key: "trending", name: "Trending", shape: "flight", apps: ranked(2, 12) });
    // Beyond the pages read: not stored (a position is never invented).
    await put({
      kind: "category",
      key: "sales-tools",
      name: "Sales tools",
      shape: "dom",
      pageSize: 1,
      apps: ranked(null, 23),
    });
    const next = await syncPositions(workspaceId, { now: new Date("2026-11-21T10:00:00Z"), fetch: fetchOptions });
    expect(next.changes.map((c) => [c.list.key, c.from, c.to])).toEqual([
      ["top-rated", 7, 4],
      ["trending", null, 2],
    ]);
    expect(await db.rankSnapshot.count({ where: { appId, day: "2026-11-21" } })).toBe(2);
    // A second sync the same day: nothing moved since the first, so no move is reported again.
    const again = await syncPositions(workspaceId, { now: new Date("2026-11-21T16:00:00Z"), fetch: fetchOptions });
    expect(again.changes).toEqual([]);
    // A further move the same day is from the rank read earlier that day.
    await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "json-ld", apps: ranked(3, 30) });
    const later = await syncPositions(workspaceId, { now: new Date("2026-11-21T20:00:00Z"), fetch: fetchOptions });
    expect(later.changes.map((c) => [c.list.key, c.from, c.to])).toEqual([["top-rated", 4, 3]]);
    await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "json-ld", apps: ranked(4, 30) });
    await syncPositions(workspaceId, { now: new Date("2026-11-21T22:00:00Z"), fetch: fetchOptions });
  });

  it("stores no place for a published app whose client ID was not added (it cannot be found in a list)", async () => {
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
    await syncPositions(workspaceId, { now: new Date("2026-11-21T23:00:00Z"), fetch: fetchOptions });
    expect(await db.rankSnapshot.count({ where: { appId: early.id } })).toBe(0);
    await db.app.delete({ where: { id: early.id } });
  });

  it("a sync run records positions, reports an unreadable list and alerts on a big move", async () => {
    await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "next-data", apps: ranked(12, 30) });
    await fetch(`${emulator.url}/__emulator/listings`, {
      method: "POST",
      body: JSON.stringify({ clientId: CLIENT, name: "QuoteFlow", reviews: [] }),
    });
    const run = await syncWorkspace(workspaceId, "CLI", {
      fetch: fetchOptions,
      now: () => new Date("2026-11-22T10:00:00Z"),
    });
    expect(run.positionsError).toMatch(/^App extensions: /);
    const alerts = await db.alert.findMany({ where: { appId, type: "RANK_CHANGE" } });
    expect(alerts.map((a) => a.title)).toEqual(["QuoteFlow moved from #4 to #12 in Top rated"]);
    expect(await db.rankSnapshot.count({ where: { appId, day: "2026-11-22", runId: run.id } })).toBeGreaterThan(0);
  });
});

describe("positions from the Marketplace's API first", () => {
  let api: { workspaceId: string; appId: string };
  const CLIENT_API = "api-positions-client";
  const placed = (rank: number | null, size: number) => {
    const apps = others(size - (rank === null ? 0 : 1), 500);
    if (rank !== null) apps.splice(rank - 1, 0, { clientId: CLIENT_API });
    return apps;
  };
  const rows = () =>
    db.rankSnapshot.findMany({ where: { appId: api.appId }, orderBy: [{ day: "asc" }, { listKey: "asc" }] });

  beforeAll(async () => {
    emulator.marketplaceApi.mode = "on";
    const owner = await createOwner(db, 502);
    const app = await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Deal Radar",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: CLIENT_API,
        callbackUrl: "https://q.example.com/cb",
      },
    });
    api = { workspaceId: owner.workspace.id, appId: app.id };
    await db.listingDraft.create({ data: { appId: app.id, data: JSON.stringify({ categories: ["Forecasting"] }) } });
    // The pages of these lists answer bot checks: whatever is read comes from the API.
    await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "challenge", apps: placed(14, 30) });
    await put({ kind: "collection", key: "trending", name: "Trending", shape: "challenge", apps: placed(null, 150) });
    await put({
      kind: "collection",
      key: "app-extensions",
      name: "App extensions",
      shape: "challenge",
      apps: placed(null, 5),
    });
    await put({ kind: "category", key: "forecasting", name: "Forecasting", shape: "challenge", apps: placed(3, 20) });
    await fetch(`${emulator.url}/__emulator/listings`, {
      method: "POST",
      body: JSON.stringify({ clientId: CLIENT_API, name: "Deal Radar", categories: ["Forecasting"], reviews: [] }),
    });
  });

  it("reads each list in pages of 12: page 2 starts at 13, and a list is complete only at its total", async () => {
    const calls = emulator.marketplaceApi.calls.length;
    const result = await syncPositions(api.workspaceId, { now: new Date("2026-11-20T10:00:00Z"), fetch: fetchOptions });
    // The category's id is not known yet: its page is asked, and answers a bot check.
    expect(result.errors).toEqual([expect.stringMatching(/^Forecasting: .*bot check/)]);
    expect((await rows()).map((s) => [s.listKey, s.rank, s.listSize])).toEqual([
      ["app-extensions", null, 5],
      ["top-rated", 14, 30],
    ]);
    const asked = emulator.marketplaceApi.calls.slice(calls);
    expect(asked.filter((c) => c.includes("sort=top-rated"))).toEqual([
      "sorted?sort=top-rated&page=0&limit=12",
      "sorted?sort=top-rated&page=1&limit=12",
      "sorted?sort=top-rated&page=2&limit=12",
    ]);
    // Trending holds 150 apps: 10 pages of 12 do not reach its total, so "not listed" is never stored.
    expect(asked.filter((c) => c.includes("sort=trending"))).toHaveLength(10);
  });

  it("learns a category's id from a sync of the app, then asks the API for that category", async () => {
    const run = await syncWorkspace(api.workspaceId, "CLI", {
      fetch: fetchOptions,
      now: () => new Date("2026-11-21T10:00:00Z"),
    });
    const id = emulator.marketplaceApi.categoryIds.get("Forecasting")!;
    expect(await db.marketplaceCategory.findUnique({ where: { id } })).toMatchObject({ name: "Forecasting" });
    expect(emulator.marketplaceApi.calls).toContain(`sorted?sort=trending&page=0&limit=12&category=${id}`);
    expect(run.positionsError).toBeNull();
    expect(
      await db.rankSnapshot.findFirst({ where: { appId: api.appId, listKey: "forecasting", day: "2026-11-21" } }),
    ).toMatchObject({ rank: 3, listSize: 20 });
    // The category's leaders, for competitor suggestions, came from the API too.
    expect(
      (await db.listLeader.findMany({ where: { workspaceId: api.workspaceId, listKey: "forecasting" } })).length,
    ).toBe(10);
  });
});
