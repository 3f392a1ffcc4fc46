import { describe, expect, it } from "vitest";
import { parseListingPage } from "./listing-page";
import { complete, htmlPage, ld, parsedReview } from "./listing-page-fixtures";

describe("JSON-LD", () => {
  it("reads a complete listing", () => {
    const parsed = parseListingPage(htmlPage(ld(complete), "<p>1,000+ installs</p>"));
    expect(parsed).toMatchObject({
      source: "json-ld",
      ratingAverage: 4.6,
      reviewCount: 128,
      installBand: "1,000+",
      notes: [],
    });
    expect(parsed.reviews).toEqual([
      parsedReview({
        externalId: "r-1",
        author: "Ana K.",
        stars: 5,
        date: new Date("2026-10-02"),
        text: "Quotes in two clicks. Our team loves it.",
        upvotes: 7,
        reply: "Thank you, Ana!",
      }),
      parsedReview({ author: "Ben", stars: 2, date: new Date("2026-09-15T10:00:00Z"), text: "Setup was slow." }),
    ]);
    expect(parsed.report).toMatchObject({
      outcome: "read",
      summary: "Read a rating of 4.6 and 128 reviews (2 shown on the page) from JSON-LD, the visible page",
    });
    expect(parsed.report.sources.find((s) => s.source === "json-ld")).toEqual({
      source: "json-ld",
      found: 1,
      read: "rating 4.6, 128 reviews counted, 2 reviews read",
      skipped: [],
    });
  });

  it("copes with missing fields: no count, no date, no author, a review without stars", () => {
    const parsed = parseListingPage(
      htmlPage(
        ld({
          "@type": "Product",
          aggregateRating: { ratingValue: 4 },
          review: [
            { "@type": "Review", reviewRating: { ratingValue: 4 }, reviewBody: "Fine" },
            { "@type": "Review", author: "Zed", reviewBody: "No stars here" },
          ],
        }),
      ),
    );
    // A count the page does not show is never invented from the reviews it lists: the read is partial.
    expect(parsed).toMatchObject({ ratingAverage: 4, reviewCount: null, installBand: null });
    expect(parsed.reviews).toEqual([parsedReview({ stars: 4, text: "Fine" })]);
    expect(parsed.notes).toContain("A review by Zed has no rating from 1 to 5; it was skipped");
    expect(parsed.report.outcome).toBe("partial");
    expect(parsed.report.warnings).toEqual([
      "The page shows 1 review but not how many it has in all: no count was stored",
    ]);
  });

  it("skips a malformed block, finds the app in a @graph or an array, and reads the review's anchor from its @id", () => {
    const withAnchor = {
      ...complete,
      review: [
        { ...complete.review[0], "@id": "https://www.pipedrive.com/en/marketplace/app/quote-flow/abc#review-r-1" },
      ],
    };
    const parsed = parseListingPage(
      htmlPage(
        `${ld("{ not json")}${ld([{ "@type": "Organization", name: "Acme" }])}${ld({ "@graph": [{ "@type": "BreadcrumbList" }, { ...withAnchor, "@type": ["WebApplication", "SoftwareApplication"] }] })}`,
      ),
    );
    expect(parsed.ratingAverage).toBe(4.6);
    expect(parsed.reviews[0]).toMatchObject({ externalId: "r-1", anchor: "review-r-1" });
    expect(parsed.report.sources[0]).toMatchObject({
      found: 3,
      skipped: ["JSON-LD block 1 is not valid JSON; it was skipped"],
    });
  });

  it("decodes HTML entities and tags, and keeps non-Latin text intact", () => {
    const parsed = parseListingPage(
      htmlPage(
        ld({
          ...complete,
          review: [
            {
              "@type": "Review",
              author: { name: "Zoë &amp; Co" },
              reviewRating: { ratingValue: 4 },
              reviewBody: "Great &quot;quotes&quot;<br>Fast &lt;3",
            },
            {
              "@type": "Review",
              author: "山田 太郎",
              reviewRating: { ratingValue: 5 },
              reviewBody: "素晴らしいアプリです。Очень удобно! مرحبا",
            },
          ],
        }),
      ),
    );
    expect(parsed.reviews.map((r) => [r.author, r.text])).toEqual([
      ["Zoë & Co", 'Great "quotes"\nFast <3'],
      ["山田 太郎", "素晴らしいアプリです。Очень удобно! مرحبا"],
    ]);
  });

  it("reads names and texts without hidden characters, written raw or as entities", () => {
    const parsed = parseListingPage(
      htmlPage(
        ld({
          ...complete,
          review: [
            {
              "@type": "Review",
              author: { name: "\u202EnimdA\u202C Support\u200B Team" },
              reviewRating: { ratingValue: 1 },
              reviewBody: "Click &#x202E;here&#x202C;<br>now\u2066!",
            },
          ],
        }),
      ),
    );
    expect(parsed.reviews.map((r) => [r.author, r.text])).toEqual([["nimdA Support Team", "Click here\nnow!"]]);
  });

  it("refuses ratings outside 1–5 and scales a rating given out of 10", () => {
    const parsed = parseListingPage(
      htmlPage(
        ld({
          ...complete,
          aggregateRating: { ratingValue: 9, reviewCount: 1 },
          review: [
            { "@type": "Review", author: "Al", reviewRating: { ratingValue: 8, bestRating: 10 }, reviewBody: "Good" },
          ],
        }),
      ),
    );
    expect(parsed.ratingAverage).toBeNull();
    expect(parsed.reviews).toEqual([parsedReview({ author: "Al", stars: 4, text: "Good" })]);
  });
});
