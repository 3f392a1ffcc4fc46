import { beforeAll, describe, expect, it } from "vitest";
import type { ListingShape } from "@/emulator/listing-pages";
import { clock, db, emulator, options, readSyncReport, syncWorkspace } from "./test-helpers";

const { runProgress } = await import("./runs");

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
    clock.now += 86_400_000;
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
    clock.now += 86_400_000;
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
