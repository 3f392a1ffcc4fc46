import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";

// The operator turned the API off: only the pages are read.
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = "off";
const { readListing } = await import("./read-listing");
const { fetchApiApp } = await import("./api");
const { outboundPolicy } = await import("@/lib/net/policy");
// The emulator runs on this machine: the operator's Marketplace origin is trusted, as the sync trusts it.
const options = () => ({ policy: outboundPolicy(), sleep: async () => {}, attempts: 1 });
afterAll(() => emulator.close());

const review = (n: number) => ({
  id: `r-${n}`,
  author: `Reviewer ${n}`,
  stars: 4,
  date: `2026-11-0${n}T09:00:00Z`,
  text: `Review ${n}`,
  upvotes: 0,
  reply: null,
});

describe("reading a listing with MARKETPLACE_API_URL=off", () => {
  it("never asks the API, reads the page, and says the API was turned off", async () => {
    emulator.listings.put({ clientId: "off-1", name: "Deal Desk", builtBy: "Acme", reviews: [review(1), review(2)] });
    const read = await readListing(
      { url: `${emulator.url}/en/marketplace/app/deal-desk/off-1`, clientId: "off-1" },
      options(),
    );
    expect(emulator.marketplaceApi.calls).toEqual([]);
    expect(read.report).toMatchObject({
      outcome: "read",
      api: { url: null, outcome: "off", reason: "The Marketplace's API is turned off (MARKETPLACE_API_URL=off)" },
      figures: { rating: "the page's JSON-LD", count: "the page's JSON-LD", reviews: ["the page's JSON-LD"] },
      moved: null,
    });
    expect([read.listing.ratingAverage, read.listing.reviewCount, read.listing.reviews.length]).toEqual([4, 2, 2]);
    await expect(fetchApiApp("off-1")).rejects.toMatchObject({ problem: "off" });
  });

  it("a page without data, and no API to fall back on, fails with the page kept as evidence", async () => {
    emulator.listings.faults.set("off-1", [{ mode: "garbage" }]);
    const error = await readListing(
      { url: `${emulator.url}/en/marketplace/app/deal-desk/off-1`, clientId: "off-1" },
      options(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ListingReadFailed", problem: "not-a-listing" });
    const { evidence } = error as { evidence: { kind: string; response: { status: number; body: string } }[] };
    expect(evidence.map((e) => [e.kind, e.response.status])).toEqual([["LISTING", 200]]);
    expect(evidence[0]!.response.body).toContain("Something went wrong");
  });
});
