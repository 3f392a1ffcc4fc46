import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { ListingInput } from "@/emulator/listings";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
const { db } = await import("@/lib/db");
const { addCompetitor, removeCompetitor } = await import("./service");
const { syncCompetitors } = await import("./sync");
const { bucketChart, competitorsView } = await import("./view");
afterAll(() => emulator.close());

const fetchOptions = { sleep: async () => {}, random: () => 0.5, timeoutMs: 2_000, attempts: 1 };
// The competitor is followed on this day; the syncs below read it on the next ones.
const addedAt = new Date("2026-11-30T10:00:00Z");
const review = (n: number, stars: number) => ({
  id: `rv-${n}`,
  author: `Customer ${n}`,
  stars,
  date: `2026-11-${String(n).padStart(2, "0")}T09:00:00Z`,
  text: `Review ${n}`,
});
const list = async (input: ListingInput) => {
  const res = await fetch(`${emulator.url}/__emulator/listings`, { method: "POST", body: JSON.stringify(input) });
  return ((await res.json()) as { url: string }).url;
};

let owner: Member;
let appId: string;
let rivalUrl: string;
beforeAll(async () => {
  owner = await createOwner(db, 701);
  appId = (
    await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "QuoteFlow",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "qf-own",
        callbackUrl: "https://q.example.com/cb",
      },
    })
  ).id;
  rivalUrl = await list({
    clientId: "rival-client-1",
    name: "Quote Rival",
    reviews: [review(1, 5), review(2, 4)],
    installBand: "500+",
    shape: "next-data",
  });
});

describe("following competitors", () => {
  it("adds a public app from its address: its name, figures and existing reviews, history only", async () => {
    const added = await addCompetitor(
      owner,
      appId,
      { url: rivalUrl.replace("http://", "") },
      {
        fetch: fetchOptions,
        now: addedAt,
      },
    );
    expect(added.name).toBe("Quote Rival");
    const c = await db.competitor.findUniqueOrThrow({
      where: { id: added.id },
      include: { snapshots: true, reviews: true },
    });
    expect([c.clientId, c.url]).toEqual(["rival-client-1", rivalUrl]);
    expect(c.snapshots.map((s) => [s.average, s.reviewCount, s.installBand])).toEqual([[4.5, 2, "500+"]]);
    expect(c.reviews.map((r) => r.firstSeenAt)).toEqual([null, null]);
    expect(await db.auditEvent.count({ where: { action: "competitor.add", targetId: added.id } })).toBe(1);
    // Kept apart: none of it is the app's own.
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(0);
    expect(await db.review.count({ where: { appId } })).toBe(0);
  });

  it.each([
    ["not a Marketplace page", "https://example.com/pricing", /must be on the Marketplace/],
    [
      "not an app page",
      `${emulator.url}/en/marketplace/collections/top-rated`,
      /must look like …\/en\/marketplace\/app/,
    ],
    ["one of the workspace's own apps", `${emulator.url}/en/marketplace/app/quote-flow/qf-own`, /one of your own apps/],
    ["already followed", `${emulator.url}/en/marketplace/app/quote-rival/rival-client-1`, /already follows that app/],
    [
      "a removed app (its page is gone)",
      `${emulator.url}/en/marketplace/app/gone/gone-client`,
      /no public Marketplace page at this address/,
    ],
    ["empty", " ", /Paste the address/],
  ])("refuses %s with a message on the field, storing nothing", async (_what, url, message) => {
    const before = await db.competitor.count();
    await expect(addCompetitor(owner, appId, { url }, { fetch: fetchOptions, now: addedAt })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { url: expect.stringMatching(message) },
    });
    expect(await db.competitor.count()).toBe(before);
  });

  it("a viewer cannot add or remove; another workspace's competitor is not found", async () => {
    const viewer = await addMember(db, owner, "VIEWER");
    await expect(addCompetitor(viewer, appId, { url: rivalUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createOwner(db, 702);
    const c = await db.competitor.findFirstOrThrow({ where: { appId } });
    await expect(removeCompetitor(stranger, c.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("each sync adds their new reviews to the feed; a page that is gone marks the competitor removed, history kept", async () => {
    await list({
      clientId: "rival-client-1",
      name: "Quote Rival",
      reviews: [review(1, 5), review(2, 4), review(3, 1)],
      installBand: "500+",
      shape: "next-data",
    });
    const first = await syncCompetitors(owner.workspace.id, {
      now: new Date("2026-12-01T10:00:00Z"),
      fetch: fetchOptions,
    });
    expect(first).toEqual({ added: 1, errors: [], changed: [] });
    const view = await competitorsView(owner, appId, "12m", new Date("2026-12-01T12:00:00Z"));
    expect(view.feed.map((r) => [r.competitor, r.author, r.stars])).toEqual([["Quote Rival", "Customer 3", 1]]);
    expect(view.competitors.map((c) => [c.name, c.average, c.reviewCount, c.removed])).toEqual([
      ["Quote Rival", 3.3, 3, false],
    ]);
    expect(view.charts.rating.series.map((s) => s.label)).toEqual(["QuoteFlow", "Quote Rival"]);
    expect(view.charts.rating.rows.at(-1)).toMatchObject({ label: "Dec 2026", app: null });

    // The rival rewrites its listing: each field's change is logged with before and after.
    const content = {
      clientId: "rival-client-1",
      name: "Quote Rival",
      summary: "",
      reviews: [review(1, 5), review(2, 4), review(3, 1)],
      installBand: "500+",
      shape: "next-data" as const,
      description: "Quotes from deals.",
      screenshots: ["qr-1", "qr-2"],
      categories: ["Sales tools"],
    };
    await list(content);
    const baseline = await syncCompetitors(owner.workspace.id, {
      now: new Date("2026-12-01T11:00:00Z"),
      fetch: fetchOptions,
    });
    // Fields it now shows for the first time.
    expect(baseline.changed[0]!.changes.map((c) => c.field)).toEqual(["description", "screenshots", "categories"]);
    await list({
      ...content,
      summary: "The fastest quotes in Pipedrive",
      screenshots: [{ name: "qr-1", content: "new picture" }, "qr-2"],
      videoUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ",
    });
    const changed = await syncCompetitors(owner.workspace.id, {
      now: new Date("2026-12-01T12:00:00Z"),
      fetch: fetchOptions,
    });
    expect(changed.changed).toEqual([
      {
        competitorId: expect.any(String),
        appId,
        name: "Quote Rival",
        changes: [
          { field: "summary", before: "(none)", after: "The fastest quotes in Pipedrive" },
          { field: "screenshots", before: "2 screenshots", after: "2 screenshots (1 replaced)" },
          { field: "video", before: "(none)", after: "https://www.youtube.com/embed/dQw4w9WgXcQ" },
        ],
      },
    ]);
    // The same page again: nothing new.
    const same = await syncCompetitors(owner.workspace.id, {
      now: new Date("2026-12-01T13:00:00Z"),
      fetch: fetchOptions,
    });
    expect(same.changed).toEqual([]);
    expect(await db.competitorChange.count()).toBe(6);

    emulator.listings.listings.delete("rival-client-1");
    const gone = await syncCompetitors(owner.workspace.id, {
      now: new Date("2026-12-02T10:00:00Z"),
      fetch: fetchOptions,
    });
    expect(gone.errors).toEqual([expect.stringContaining("Its Marketplace page is gone")]);
    const c = await db.competitor.findFirstOrThrow({
      where: { appId },
      include: { _count: { select: { snapshots: true, reviews: true } } },
    });
    expect([c.removedAt !== null, c._count.snapshots, c._count.reviews]).toEqual([true, 2, 3]);
    // A removed competitor is not read again.
    expect(await syncCompetitors(owner.workspace.id, { fetch: fetchOptions })).toEqual({
      added: 0,
      errors: [],
      changed: [],
    });
  });

  it("its latest figures are the last read as of the view's moment, whatever local day each read was filed under", async () => {
    const c = await db.competitor.findFirstOrThrow({ where: { appId } });
    const read = (day: string, takenAt: string, average: number) =>
      db.competitorSnapshot.create({
        data: { competitorId: c.id, day, average, reviewCount: 9, takenAt: new Date(takenAt) },
      });
    // Read at 09:00 in a time zone already on the 6th, then at 11:00 after the workspace moved to one
    // still on the 5th: the later read is the latest, though its day is earlier.
    await read("2027-03-06", "2027-03-05T09:00:00Z", 4.1);
    await read("2027-03-05", "2027-03-05T11:00:00Z", 4.2);
    // A read after the moment the view is for is not shown in it.
    await read("2027-03-07", "2027-03-07T09:00:00Z", 4.9);
    const at = (iso: string) => competitorsView(owner, appId, "12m", new Date(iso));
    expect((await at("2027-03-05T12:00:00Z")).competitors.map((s) => s.average)).toEqual([4.2]);
    expect((await at("2027-03-07T12:00:00Z")).competitors.map((s) => s.average)).toEqual([4.9]);
  });

  it("a renamed competitor is followed to its new address; an unreadable page keeps its figures and the page", async () => {
    const other = await createOwner(db, 7020);
    const mine = await db.app.create({
      data: {
        workspaceId: other.workspace.id,
        name: "Deal Desk",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "dd-own",
        callbackUrl: "https://q.example.com/cb",
      },
    });
    const oldUrl = await list({ clientId: "rival-2", name: "Old Rival", reviews: [review(3, 4)] });
    await addCompetitor(other, mine.id, { url: oldUrl }, { fetch: fetchOptions, now: addedAt });
    await list({ clientId: "rival-2", name: "New Rival", reviews: [review(3, 4)], previousSlugs: ["old-rival"] });
    await syncCompetitors(other.workspace.id, { now: new Date("2026-12-01T10:00:00Z"), fetch: fetchOptions });
    const moved = await db.competitor.findFirstOrThrow({ where: { appId: mine.id } });
    expect([moved.name, moved.url, moved.lastError, moved.removedAt]).toEqual([
      "New Rival",
      `${emulator.url}/en/marketplace/app/new-rival/rival-2`,
      null,
      null,
    ]);

    emulator.marketplaceApi.mode = "off";
    emulator.listings.faults.set("rival-2", [{ mode: "garbage" }]);
    const run = await db.syncRun.create({ data: { workspaceId: other.workspace.id, trigger: "CLI" } });
    try {
      const read = await syncCompetitors(other.workspace.id, {
        now: new Date("2026-12-02T10:00:00Z"),
        fetch: fetchOptions,
        runId: run.id,
      });
      expect(read.errors).toEqual([expect.stringMatching(/^New Rival: The page is not a Marketplace listing/)]);
    } finally {
      emulator.marketplaceApi.mode = "on";
    }
    expect(await db.competitorSnapshot.count({ where: { competitorId: moved.id } })).toBe(2);
    expect(
      await db.marketplaceCapture.findMany({ where: { runId: run.id }, select: { competitorId: true, status: true } }),
    ).toEqual([{ competitorId: moved.id, status: 200 }]);
  });

  it("removing a competitor deletes its history", async () => {
    const c = await db.competitor.findFirstOrThrow({ where: { appId } });
    await removeCompetitor(owner, c.id);
    expect(await db.competitorReview.count({ where: { competitorId: c.id } })).toBe(0);
  });
});

describe("reviews per bucket", () => {
  it("are zero in a month counted without reviews, and empty before the page was first read", () => {
    const range = { from: "2026-01-01", to: "2026-06-30" };
    const { rows } = bucketChart(
      [
        {
          key: "a",
          label: "A",
          points: [
            { day: "2026-03-10", value: 1 },
            { day: "2026-05-02", value: 1 },
            { day: "2026-05-20", value: 1 },
          ],
          countedFrom: "2026-02-15",
        },
      ],
      range,
      "month",
      "int",
      true,
    );
    expect(rows.map((r) => r.a)).toEqual([null, 0, 1, 0, 2, 0]);
  });
});
