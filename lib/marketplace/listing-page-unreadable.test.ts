import { describe, expect, it } from "vitest";
import { CHALLENGE_HTML } from "@/emulator/html";
import { ListingParseError, parseListingPage } from "./listing-page";
import { htmlPage, ld } from "./listing-page-fixtures";

describe("pages that are not a readable listing", () => {
  const fails = (html: string) => {
    try {
      parseListingPage(html);
    } catch (error) {
      expect(error).toBeInstanceOf(ListingParseError);
      return error as ListingParseError;
    }
    throw new Error("the page was read");
  };

  it("a listing with no reviews yet is zero reviews, no error", () => {
    const parsed = parseListingPage(
      htmlPage(ld({ "@type": "SoftwareApplication", name: "New App" }), "<h1>New App</h1><p>No reviews yet</p>"),
    );
    expect(parsed).toMatchObject({
      ratingAverage: null,
      reviewCount: 0,
      reviews: [],
      report: { outcome: "no-reviews", summary: "The listing has no reviews yet (the visible page)" },
    });
    expect(
      parseListingPage(
        htmlPage(ld({ "@type": "Product", name: "X", aggregateRating: { ratingValue: null, reviewCount: 0 } })),
      ).reviewCount,
    ).toBe(0);
  });

  it("a bot challenge, with its HTTP 200 or as served with 403, is an error that says so", () => {
    const error = fails(CHALLENGE_HTML);
    expect(error.kind).toBe("challenge");
    expect(error.message).toBe(
      'Pipedrive answered with a bot check ("Just a moment...") instead of the page. Nothing was stored; the next sync tries again. If it keeps happening, import the reviews from a file.',
    );
    expect(error.report.outcome).toBe("failed");
  });

  it("a login page, a not-found page, a changed layout and anything else each get their reason", () => {
    expect(fails(htmlPage("<title>Log in | Pipedrive</title>", '<form><input type="password"></form>')).kind).toBe(
      "login",
    );
    expect(fails(`<html><head><title>Page not found</title></head><body><h1>404</h1></body></html>`).kind).toBe(
      "not-found",
    );
    const changed = fails(
      htmlPage(
        '<link rel="canonical" href="https://www.pipedrive.com/en/marketplace/app/x/y">',
        "<h1>X</h1><p>A new design</p>",
      ),
    );
    expect(changed.kind).toBe("changed");
    expect(changed.message).toContain("Pipedrive may have changed its layout");
    expect(fails(htmlPage("", "<h1>Maintenance</h1>")).message).toBe(
      'The page ("App") is not a Marketplace listing Listing Studio can read: it has no rating, no reviews and no listing data. Nothing was stored. Check the Marketplace page URL in the app\'s settings.',
    );
    expect(fails("garbage \u0000\u0001 <<<").kind).toBe("not-a-listing");
    // The report still says what was looked at.
    expect(fails(htmlPage(ld("{oops"))).report.sources[0]).toEqual({
      source: "json-ld",
      found: 1,
      read: null,
      skipped: ["JSON-LD block 1 is not valid JSON; it was skipped"],
    });
  });
});
