import { describe, expect, it } from "vitest";
import { ListingParseError, parseListingPage } from "./parse-listing";

const page = (head: string, body = "") => `<!doctype html><html><head><title>App</title>${head}</head><body>${body}</body></html>`;
const ld = (data: unknown) => `<script type="application/ld+json">${typeof data === "string" ? data : JSON.stringify(data)}</script>`;

const complete = {
  "@context": "https://schema.org",
  "@type": "SoftwareApplication",
  name: "QuoteFlow",
  aggregateRating: { "@type": "AggregateRating", ratingValue: "4.6", reviewCount: "128" },
  review: [
    {
      "@type": "Review",
      identifier: "r-1",
      author: { "@type": "Person", name: "Ana K." },
      datePublished: "2026-10-02",
      reviewBody: "Quotes in two clicks. Our team loves it.",
      reviewRating: { "@type": "Rating", ratingValue: 5 },
      interactionStatistic: { "@type": "InteractionCounter", interactionType: "https://schema.org/LikeAction", userInteractionCount: 7 },
      comment: [{ "@type": "Comment", text: "Thank you, Ana!" }],
    },
    { "@type": "Review", author: "Ben", datePublished: "2026-09-15T10:00:00Z", reviewBody: "Setup was slow.", reviewRating: { ratingValue: "2" } },
  ],
};

describe("parseListingPage", () => {
  it("reads a complete JSON-LD listing", () => {
    const parsed = parseListingPage(page(ld(complete), "<p>1,000+ installs</p>"));
    expect(parsed).toMatchObject({ source: "json-ld", ratingAverage: 4.6, reviewCount: 128, installBand: "1,000+", notes: [] });
    expect(parsed.reviews).toEqual([
      { externalId: "r-1", author: "Ana K.", stars: 5, date: new Date("2026-10-02"), text: "Quotes in two clicks. Our team loves it.", upvotes: 7, reply: "Thank you, Ana!" },
      { externalId: null, author: "Ben", stars: 2, date: new Date("2026-09-15T10:00:00Z"), text: "Setup was slow.", upvotes: 0, reply: null },
    ]);
  });

  it("copes with missing fields: no count, no date, no author, a review without stars", () => {
    const parsed = parseListingPage(
      page(ld({ "@type": "Product", aggregateRating: { ratingValue: 4 }, review: [{ reviewRating: { ratingValue: 4 }, reviewBody: "Fine" }, { author: "Zed", reviewBody: "No stars here" }] })),
    );
    expect(parsed).toMatchObject({ ratingAverage: 4, reviewCount: 1, installBand: null });
    expect(parsed.reviews).toEqual([{ externalId: null, author: "Anonymous", stars: 4, date: null, text: "Fine", upvotes: 0, reply: null }]);
    expect(parsed.notes).toEqual(["A review by Zed has no rating from 1 to 5; it was skipped"]);
  });

  it("skips a malformed JSON-LD block and uses the next one", () => {
    const parsed = parseListingPage(page(`${ld("{ not json")}${ld({ "@type": "Organization", name: "Acme" })}${ld(complete)}`));
    expect(parsed.reviewCount).toBe(128);
    expect(parsed.notes).toEqual(["JSON-LD block 1 is not valid JSON; it was skipped"]);
  });

  it("finds the app in a @graph among several blocks and types", () => {
    const parsed = parseListingPage(page(ld({ "@graph": [{ "@type": "BreadcrumbList" }, { ...complete, "@type": ["WebApplication", "SoftwareApplication"] }] })));
    expect(parsed.ratingAverage).toBe(4.6);
  });

  it("decodes HTML entities and tags in texts", () => {
    const parsed = parseListingPage(page(ld({ ...complete, review: [{ author: { name: "Zoë &amp; Co" }, reviewRating: { ratingValue: 4 }, reviewBody: "Great &quot;quotes&quot;<br>Fast &lt;3" }] })));
    expect(parsed.reviews[0]).toMatchObject({ author: "Zoë & Co", text: 'Great "quotes"\nFast <3' });
  });

  it("keeps non-Latin text intact", () => {
    const parsed = parseListingPage(page(ld({ ...complete, review: [{ author: "山田 太郎", reviewRating: { ratingValue: 5 }, reviewBody: "素晴らしいアプリです。Очень удобно! مرحبا" }] })));
    expect(parsed.reviews[0]).toMatchObject({ author: "山田 太郎", text: "素晴らしいアプリです。Очень удобно! مرحبا" });
  });

  it("reads an embedded JSON state when there is no JSON-LD", () => {
    const state = { props: { pageProps: { app: { averageRating: 4.2, reviewCount: 3, reviews: [{ id: 91, authorName: "Kemi", rating: 4, text: "Good", createdAt: "2026-11-01", helpfulCount: 2, reply: { text: "Thanks!" } }] } } } };
    const parsed = parseListingPage(page("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`));
    expect(parsed).toMatchObject({ source: "state", ratingAverage: 4.2, reviewCount: 3 });
    expect(parsed.reviews).toEqual([{ externalId: "91", author: "Kemi", stars: 4, date: new Date("2026-11-01"), text: "Good", upvotes: 2, reply: "Thanks!" }]);
  });

  it("falls back to review microdata", () => {
    const body = `<div itemprop="aggregateRating" itemscope><meta itemprop="ratingValue" content="3.5"><span itemprop="reviewCount">2</span></div>
      <div itemprop="review" itemscope id="rv-1"><span itemprop="author">Lars</span><meta itemprop="ratingValue" content="3"><time itemprop="datePublished" datetime="2026-08-01">Aug 1</time><p itemprop="reviewBody">Okay &amp; useful</p></div>`;
    const parsed = parseListingPage(page("", body));
    expect(parsed).toMatchObject({ source: "markup", ratingAverage: 3.5, reviewCount: 2 });
    expect(parsed.reviews).toEqual([{ externalId: "rv-1", author: "Lars", stars: 3, date: new Date("2026-08-01"), text: "Okay & useful", upvotes: 0, reply: null }]);
  });

  it("fails with a clear message on a page without rating data, never zeros", () => {
    expect(() => parseListingPage(page("", "<h1>Maintenance</h1>"))).toThrow(new ListingParseError("The page has no recognisable rating data: no JSON-LD, no embedded state and no review markup"));
    expect(() => parseListingPage("garbage \u0000\u0001 <<<")).toThrow(ListingParseError);
    expect(() => parseListingPage(page(ld("{oops")))).toThrow("The page has no usable rating data (JSON-LD block 1 is not valid JSON; it was skipped)");
  });

  it("refuses ratings outside 1–5", () => {
    const parsed = parseListingPage(page(ld({ ...complete, aggregateRating: { ratingValue: 9, reviewCount: 1 }, review: [{ reviewRating: { ratingValue: 0 } }] })));
    expect(parsed.ratingAverage).toBeNull();
    expect(parsed.reviews).toEqual([]);
  });
});
