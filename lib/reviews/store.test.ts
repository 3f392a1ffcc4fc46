import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { applyListing } = await import("./store");

let appId: string;

const read = (n: number) => ({
  ratingAverage: 4,
  reviewCount: n,
  installBand: null,
  reviews: Array.from({ length: n }, (_, i) => ({
    externalId: `r${i}`,
    author: `Reader ${i}`,
    stars: 4,
    date: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    text: `Review ${i}`,
    upvotes: 0,
    reply: null,
  })),
});

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 930, name: "Store" } });
  appId = (
    await db.app.create({
      data: {
        workspaceId: w.id,
        name: "Store",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "store",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
});

describe("applyListing", () => {
  it("writes given with a read commit with it or not at all", async () => {
    await expect(
      applyListing(appId, read(3), null, new Date(), async (tx) => {
        await tx.app.update({ where: { id: appId }, data: { name: "Renamed" } });
        throw new Error("the run's result could not be written");
      }),
    ).rejects.toThrow("the run's result could not be written");
    expect(await db.review.count({ where: { appId } })).toBe(0);
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(0);
    expect((await db.app.findUniqueOrThrow({ where: { id: appId } })).name).toBe("Store");

    const stored = await applyListing(appId, read(3), null, new Date(), async (tx, result) => {
      await tx.app.update({ where: { id: appId }, data: { name: `Store (${result.added.length})` } });
    });
    expect(stored.added).toHaveLength(3);
    expect((await db.app.findUniqueOrThrow({ where: { id: appId } })).name).toBe("Store (3)");
  });

  it("marks every review gone from the page removed, more than one statement's parameters at once", async () => {
    await applyListing(appId, read(2_500), null);
    const result = await applyListing(appId, read(1), null);
    expect(result.removed).toBe(2_499);
    expect(await db.review.count({ where: { appId, removedAt: { not: null } } })).toBe(2_499);
    expect(await db.review.count({ where: { appId, removedAt: null } })).toBe(1);
  });
});
