import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
afterAll(() => emulator.close());
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const page = await import("./listing-url-setting");
const { resetRateLimits } = await import("@/lib/http/rate-limit");

let owner: Member;
let appId: string;
const CLIENT = "ring-client-77";
const REVIEWS = [
  {
    id: "m-1",
    author: "Hana Sato",
    stars: 4,
    date: "2026-11-10T09:00:00Z",
    text: "Calls logged by themselves.",
    upvotes: 2,
    reply: null,
  },
];

beforeAll(async () => {
  owner = await createOwner(db, 3301, "Page Owner");
  appId = (
    await apps.createApp(owner, {
      name: "RingCentral App Connect",
      type: "PUBLIC",
      clientId: CLIENT,
      callbackUrl: "https://ring.example.com/cb",
    })
  ).id;
  emulator.listings.put({
    clientId: CLIENT,
    name: "RingCentral App Connect",
    installBand: "100+",
    reviews: REVIEWS,
    shape: "flight",
  });
});
beforeEach(() => resetRateLimits());

describe("the Marketplace page URL", () => {
  it("defaults to Pipedrive's slug of the name and the client id", async () => {
    expect(await page.marketplacePage(owner, appId)).toEqual({
      marketplace: emulator.url,
      defaultUrl: `${emulator.url}/en/marketplace/app/ring-central-app-connect/${CLIENT}`,
      customUrl: null,
      url: `${emulator.url}/en/marketplace/app/ring-central-app-connect/${CLIENT}`,
    });
  });

  it("is saved in its clean form, logged, and emptied back to the default; a bad one is refused with the reason", async () => {
    const renamed = `${emulator.url}/de/marketplace/app/ring-central-connect/${CLIENT}/?ref=x#top`;
    expect((await page.updateListingUrl(owner, appId, { listingUrl: renamed })).url).toBe(
      `${emulator.url}/de/marketplace/app/ring-central-connect/${CLIENT}`,
    );
    expect(await db.auditEvent.findFirst({ where: { targetId: appId, action: "app.listing_url" } })).toMatchObject({
      diff: JSON.stringify({
        listingUrl: ["default", `${emulator.url}/de/marketplace/app/ring-central-connect/${CLIENT}`],
      }),
    });
    await expect(
      page.updateListingUrl(owner, appId, { listingUrl: `${emulator.url}/en/marketplace/app/x/someone-else` }),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          message: `This address is for client ID someone-else, and this app's client ID is ${CLIENT}: its page address ends in /${CLIENT}`,
        }),
      ],
    });
    await expect(
      page.updateListingUrl(owner, appId, { listingUrl: "https://evil.example.com/en/marketplace/app/x/y" }),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ message: `The page must be on the Marketplace, at ${new URL(emulator.url).host}` }),
      ],
    });
    await expect(page.updateListingUrl(owner, appId, { listingUrl: 42 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "The URL must be text" })],
    });
    expect((await page.updateListingUrl(owner, appId, { listingUrl: "" })).customUrl).toBeNull();
  });

  it("only editors change or check it, and a private app has none", async () => {
    const viewer = { ...owner, role: "VIEWER" as const };
    await expect(page.updateListingUrl(viewer, appId, { listingUrl: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(page.checkListingPage(viewer, appId, { listingUrl: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const privateApp = await apps.createApp(owner, {
      name: "Unlisted",
      type: "PRIVATE",
      clientId: "p-1",
      callbackUrl: "https://ring.example.com/cb",
    });
    await expect(page.checkListingPage(owner, privateApp.id, { listingUrl: "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A private app has no Marketplace page: it is not listed, reviewed or rated",
    });
  });
});

describe("Check", () => {
  it("reads the page as the sync would and stores nothing", async () => {
    const check = await page.checkListingPage(owner, appId, { listingUrl: "" });
    expect(check).toMatchObject({
      ok: true,
      outcome: "read",
      ratingAverage: 4,
      reviewCount: 1,
      installBand: "100+",
      reviewsShown: 1,
      sample: [
        { author: "Hana Sato", stars: 4, date: "2026-11-10T09:00:00.000Z", text: "Calls logged by themselves." },
      ],
    });
    expect(check.ok && check.sources.find((s) => s.source === "flight")?.read).toBe(
      "rating 4.0, 1 review counted, 1 review read, 100+ installs",
    );
    // The figures come from the Marketplace's API, the reviews from the page: the Check says so.
    expect(check).toMatchObject({
      api: { url: emulator.url, outcome: "used", reason: null },
      figures: {
        rating: "the Marketplace's API",
        count: "the Marketplace's API",
        reviews: ["the page's Next.js App Router data (flight)", "the Marketplace's API"],
      },
      warnings: [],
      moved: null,
    });
    expect(await db.review.count({ where: { appId } })).toBe(0);
    expect(await db.ratingSnapshot.count({ where: { appId } })).toBe(0);
    expect(await db.syncRunApp.count({ where: { appId } })).toBe(0);
  });

  it("checks the URL in the field before it is saved: an old address says where the listing is now", async () => {
    const old = `${emulator.url}/en/marketplace/app/ringcentral-app-connect/${CLIENT}`;
    const moved = await page.checkListingPage(owner, appId, { listingUrl: old });
    expect(moved).toMatchObject({
      ok: true,
      url: old,
      moved: { from: old, to: `${emulator.url}/en/marketplace/app/ring-central-app-connect/${CLIENT}`, how: "lookup" },
    });
    expect((await page.marketplacePage(owner, appId)).customUrl).toBeNull();
  });

  it("a listing the Marketplace does not have fails with what the page answered", async () => {
    const listing = emulator.listings.listings.get(CLIENT)!;
    emulator.listings.listings.delete(CLIENT);
    try {
      expect(await page.checkListingPage(owner, appId, { listingUrl: "" })).toEqual({
        ok: false,
        url: `${emulator.url}/en/marketplace/app/ring-central-app-connect/${CLIENT}`,
        problem: "not-found",
        message:
          "The listing page answered HTTP 404: there is no Marketplace page at this address, and the Marketplace lists none for this app's client id",
        sources: [],
        api: { url: emulator.url, outcome: "unavailable", reason: expect.stringContaining("404") },
      });
    } finally {
      emulator.listings.listings.set(CLIENT, listing);
    }
  });

  it("says when Pipedrive answers with a bot check", async () => {
    emulator.listings.put({ clientId: CLIENT, name: "RingCentral App Connect", reviews: REVIEWS, shape: "challenge" });
    expect(await page.checkListingPage(owner, appId, { listingUrl: "" })).toMatchObject({
      ok: false,
      problem: "challenge",
    });
    emulator.listings.put({
      clientId: CLIENT,
      name: "RingCentral App Connect",
      installBand: "100+",
      reviews: REVIEWS,
      shape: "flight",
    });
  });

  it("is limited per workspace, each check being a request to the Marketplace", async () => {
    for (let i = 0; i < 20; i++) await page.checkListingPage(owner, appId, { listingUrl: "" });
    await expect(page.checkListingPage(owner, appId, { listingUrl: "" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });
});
