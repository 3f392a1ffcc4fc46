import { describe, expect, it } from "vitest";
import { reviewKeys } from "./identity";
import { defaultListingUrl, listingSlug } from "./listing-url";

describe("listing URL", () => {
  it("slugs names as the Marketplace does: kebab case, words split at case changes, accents dropped", () => {
    expect(listingSlug("RingCentral App Connect")).toBe("ring-central-app-connect");
    expect(listingSlug("Twilio SMS/MMS for Pipedrive")).toBe("twilio-sms-mms-for-pipedrive");
    expect(listingSlug("QuoteFlow for Pipedrive")).toBe("quote-flow-for-pipedrive");
    expect(listingSlug("  Ça Marche! 2.0 ")).toBe("ca-marche-2-0");
    expect(listingSlug("HubSpot2Pipedrive")).toBe("hub-spot-2-pipedrive");
    expect(listingSlug("!!!")).toBe("app");
  });

  it("builds the default URL from the configured base, encoding what a path cannot hold", () => {
    expect(defaultListingUrl("http://localhost:4100/", "Call Sprout", "abc 1")).toBe(
      "http://localhost:4100/en/marketplace/app/call-sprout/abc%201",
    );
    expect(defaultListingUrl("https://www.pipedrive.com", "日本 CRM", "c1")).toBe(
      "https://www.pipedrive.com/en/marketplace/app/%E6%97%A5%E6%9C%AC-crm/c1",
    );
  });
});

describe("reviewKeys", () => {
  const day = new Date("2026-11-01T10:00:00Z");
  it("uses the page's id when there is one", () => {
    expect(reviewKeys([{ externalId: "r-9", author: "Ann", date: day, text: "x" }])).toEqual(["id:r-9"]);
  });

  it("keys id-less reviews on author and day, so an edited text keeps its key", () => {
    const [a] = reviewKeys([{ externalId: null, author: "Ann", date: day, text: "Good" }]);
    const [b] = reviewKeys([
      { externalId: null, author: " ann ", date: new Date("2026-11-01T22:00:00Z"), text: "Great now" },
    ]);
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
