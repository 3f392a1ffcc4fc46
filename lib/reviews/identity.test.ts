import { describe, expect, it } from "vitest";
import { defaultListingUrl, listingSlug, reviewKeys } from "./identity";

describe("listing URL", () => {
  it("slugs names as the Marketplace does", () => {
    expect(listingSlug("QuoteFlow for Pipedrive")).toBe("quoteflow-for-pipedrive");
    expect(listingSlug("  Ça Marche! 2.0 ")).toBe("ca-marche-2-0");
    expect(listingSlug("日本")).toBe("app");
  });

  it("builds the default URL from the configured base", () => {
    expect(defaultListingUrl("http://localhost:4100/", "Call Sprout", "abc 1")).toBe("http://localhost:4100/en/marketplace/app/call-sprout/abc%201");
  });
});

describe("reviewKeys", () => {
  const day = new Date("2026-11-01T10:00:00Z");
  it("uses the page's id when there is one", () => {
    expect(reviewKeys([{ externalId: "r-9", author: "Ann", date: day, text: "x" }])).toEqual(["id:r-9"]);
  });

  it("keys id-less reviews on author and day, so an edited text keeps its key", () => {
    const [a] = reviewKeys([{ externalId: null, author: "Ann", date: day, text: "Good" }]);
    const [b] = reviewKeys([{ externalId: null, author: " ann ", date: new Date("2026-11-01T22:00:00Z"), text: "Great now" }]);
    const [c] = reviewKeys([{ externalId: null, author: "Ann", date: new Date("2026-11-02T10:00:00Z"), text: "Good" }]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("falls back to the text without a date, and separates repeats", () => {
    const keys = reviewKeys([
      { externalId: null, author: "Ann", date: null, text: "Good" },
      { externalId: null, author: "Ann", date: null, text: "Good" },
      { externalId: null, author: "Ann", date: null, text: "Bad" },
    ]);
    expect(keys[1]).toBe(`${keys[0]}#2`);
    expect(new Set(keys).size).toBe(3);
  });
});
