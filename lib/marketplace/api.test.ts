import { describe, expect, it } from "vitest";
import { parseApiApp, parseApiList } from "./api";

/** The app model public code shows (../shared MARKETPLACE.md, "The Marketplace's own API"). */
const documented = {
  success: true,
  data: {
    app: {
      client_id: "c-1",
      name: "Deal Desk",
      tagline: "Quotes in one click",
      description: "<p>Build <b>quotes</b> from deals.</p>",
      company_name: "Acme",
      icon: {
        urls: { "64x64": "https://cdn.example/i64.png", "256x256": "https://cdn.example/i256.png" },
        screenshots: [
          { urls: { "640x400": "https://cdn.example/s1-small.png", "1280x800": "https://cdn.example/s1.png" } },
          { urls: { "1280x800": "https://cdn.example/s2.png" } },
        ],
      },
      category_ids: [12, 18],
      ratings: {
        scores: { average: 4.6, total: 14 },
        reviews: [
          { id: "r-9", rating: 5, comment: "Great", created_at: "2026-11-02T10:00:00Z", user: { name: "Ana" } },
          { id: "r-8", rating: 4, comment: "Good", created_at: "2026-10-30T10:00:00Z", user: { name: "Bo" } },
        ],
      },
    },
  },
};

describe("the Marketplace's API: one app", () => {
  it("reads the documented model: figures, reviews, pictures by size, category ids", () => {
    const app = parseApiApp(documented, "c-1")!;
    expect(app).toMatchObject({
      clientId: "c-1",
      name: "Deal Desk",
      summary: "Quotes in one click",
      description: "Build quotes from deals.",
      company: "Acme",
      icon: "https://cdn.example/i256.png",
      screenshots: ["https://cdn.example/s1.png", "https://cdn.example/s2.png"],
      categories: [
        { id: 12, name: null },
        { id: 18, name: null },
      ],
      ratingAverage: 4.6,
      reviewCount: 14,
    });
    expect(app.reviews!.map((r) => [r.externalId, r.author, r.stars, r.text, r.date?.toISOString()])).toEqual([
      ["r-9", "Ana", 5, "Great", "2026-11-02T10:00:00.000Z"],
      ["r-8", "Bo", 4, "Good", "2026-10-30T10:00:00.000Z"],
    ]);
    // The count is the total, not the three reviews carried.
    expect(app.notes).toContain("rating from ratings.scores.average");
  });

  it("reads the flat names of the 2026 catalog exports", () => {
    const app = parseApiApp(
      {
        clientId: "c-2",
        appPath: "/en/marketplace/app/deal-desk/c-2",
        name: "Deal Desk",
        vendor: { name: "Acme" },
        ratingAverage: "4.3",
        reviewCount: 212,
        approximateInstalls: "10,000+",
        categories: [{ id: 12, name: "Quotes & proposals" }],
        jtbdCategories: [{ name: "Send quotes" }, "Close deals"],
        screenshots: [{ url: "https://cdn.example/a.png" }],
      },
      "c-2",
    )!;
    expect(app).toMatchObject({
      slug: "deal-desk",
      company: "Acme",
      ratingAverage: 4.3,
      reviewCount: 212,
      installBand: "10,000+",
      categories: [{ id: 12, name: "Quotes & proposals" }],
      useCases: ["Send quotes", "Close deals"],
      screenshots: ["https://cdn.example/a.png"],
      reviews: null,
    });
  });

  it("an app without reviews has no rating (never 0) and a count of 0", () => {
    const json = structuredClone(documented);
    json.data.app.ratings = { scores: { average: 0, total: 0 }, reviews: [] };
    expect(parseApiApp(json, "c-1")).toMatchObject({ ratingAverage: null, reviewCount: 0, reviews: [] });
  });

  it("a percentage or a score out of 10 is put on the 5-star scale", () => {
    expect(parseApiApp({ client_id: "c", name: "X", ratingAverage: "92%" }, "c")!.ratingAverage).toBe(4.6);
    expect(parseApiApp({ client_id: "c", name: "X", rating: { average: 9, best: 10 } }, "c")!.ratingAverage).toBe(4.5);
  });

  it("another app's answer, or a shape not known here, is not read", () => {
    expect(parseApiApp(documented, "someone-else")).toBeNull();
    expect(parseApiApp({ success: true, data: { items: [] } }, "c-1")).toBeNull();
    expect(parseApiApp({ success: false, error: "Not found" }, "c-1")).toBeNull();
    expect(parseApiApp("<html>", "c-1")).toBeNull();
    expect(parseApiApp(null, "c-1")).toBeNull();
  });
});

describe("the Marketplace's API: a sorted list", () => {
  it("reads the documented list: apps in order with their slugs and category ids, and the total", () => {
    const list = parseApiList({
      success: true,
      data: {
        apps: [
          { client_id: "a", app_path: "alpha", name: "Alpha", categories: [{ id: 12 }] },
          { client_id: "b", app_path: "beta", name: "Beta", categories: [] },
        ],
        totalElements: 57,
      },
    });
    expect(list).toEqual({
      apps: [
        { clientId: "a", slug: "alpha", name: "Alpha", categoryIds: [12], ratingAverage: null, reviewCount: null },
        { clientId: "b", slug: "beta", name: "Beta", categoryIds: [], ratingAverage: null, reviewCount: null },
      ],
      total: 57,
    });
  });

  it("reads the renamed list (content, total), and says when there is no total", () => {
    expect(
      parseApiList({
        data: { content: [{ clientId: "a", appPath: "alpha", ratingAverage: 4.5, reviewCount: 3 }], total: 1 },
      }),
    ).toMatchObject({ apps: [{ clientId: "a", slug: "alpha", ratingAverage: 4.5, reviewCount: 3 }], total: 1 });
    expect(parseApiList({ data: { apps: [{ client_id: "a" }] } })!.total).toBeNull();
  });

  it("a list whose entries are not apps is not read", () => {
    expect(parseApiList({ data: { apps: [{ name: "no client id" }] } })).toBeNull();
    expect(parseApiList({ data: { apps: "none" } })).toBeNull();
    expect(parseApiList([])).toBeNull();
  });
});
