import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { ApiApp } from "@/lib/marketplace/api";

setupTestDatabase();
const { learnCategories, categoryIdOf, categoryNames } = await import("./category-map");

const app = (categories: ApiApp["categories"]): ApiApp => ({
  clientId: "c",
  slug: null,
  name: "X",
  summary: null,
  description: null,
  company: null,
  icon: null,
  screenshots: [],
  categories,
  useCases: [],
  ratingAverage: null,
  reviewCount: null,
  ratingCount: null,
  reviews: null,
  installBand: null,
  notes: [],
});

describe("the category id ↔ name map", () => {
  it("learns names the API gives beside its ids, and one id from one name on the page", async () => {
    expect(
      await learnCategories(
        app([
          { id: 12, name: "Quotes & proposals" },
          { id: 18, name: "Webinars" },
        ]),
        [],
      ),
    ).toBe(2);
    expect(await learnCategories(app([{ id: 11, name: null }]), ["Phone & calls"])).toBe(1);
    expect(await categoryNames()).toEqual(
      new Map([
        [11, "Phone & calls"],
        [12, "Quotes & proposals"],
        [18, "Webinars"],
      ]),
    );
    expect(await categoryIdOf("  quotes & PROPOSALS ")).toBe(12);
    expect(await categoryIdOf("Unknown")).toBeNull();
  });

  it("never guesses which of several ids is which name, and follows a renamed category", async () => {
    expect(
      await learnCategories(
        app([
          { id: 30, name: null },
          { id: 31, name: null },
        ]),
        ["A", "B"],
      ),
    ).toBe(0);
    expect(await learnCategories(null, ["A"])).toBe(0);
    await learnCategories(app([{ id: 18, name: "Webinars & events" }]), []);
    expect(await categoryIdOf("Webinars & events")).toBe(18);
    expect(await categoryIdOf("Webinars")).toBeNull();
  });
});
