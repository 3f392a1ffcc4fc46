import { describe, expect, it } from "vitest";
import { parseListingPage } from "./listing-page";
import { complete, htmlPage, ld, parsedReview } from "./listing-page-fixtures";

describe("markup", () => {
  it("falls back to review microdata, typed or not", () => {
    const body = `<div itemprop="aggregateRating" itemscope><meta itemprop="ratingValue" content="3.5"><span itemprop="reviewCount">2</span></div>
      <div itemprop="review" itemscope id="rv-1"><span itemprop="author">Lars</span><meta itemprop="ratingValue" content="3"><time itemprop="datePublished" datetime="2026-08-01">Aug 1</time><p itemprop="reviewBody">Okay &amp; useful</p></div>`;
    const parsed = parseListingPage(htmlPage("", body));
    expect(parsed).toMatchObject({ source: "microdata", ratingAverage: 3.5, reviewCount: 2 });
    expect(parsed.reviews).toEqual([
      parsedReview({ anchor: "rv-1", author: "Lars", stars: 3, date: new Date("2026-08-01"), text: "Okay & useful" }),
    ]);
  });

  it("reads only the visible page: aria-labels, review cards with a name, a time and text", () => {
    const body = `<div><span aria-label="Rated 4.3 out of 5">★★★★☆</span> <span>4.3</span><span>12 reviews</span> <span>500+ installs</span> <span>31 upvotes</span></div>
      <ul><li id="rev-7"><h4>Nora Lind</h4><span title="5 out of 5 stars">★★★★★</span><span>12 March 2026</span><p>Exactly what we needed.</p><p>Second paragraph.</p><div class="vendor-response"><p>Thanks Nora!</p></div><span>4 people found this helpful</span></li>
      <li><h4>Omar</h4><span aria-label="2 out of 5 stars"></span><time datetime="2026-03-10T10:00:00Z">2 weeks ago</time><p>Too slow.</p></li></ul>
      <aside class="RelatedApps_x"><span aria-label="Rated 4.9 out of 5"></span> 800 reviews</aside>`;
    const parsed = parseListingPage(htmlPage("", body));
    expect(parsed).toMatchObject({
      source: "dom",
      ratingAverage: 4.3,
      reviewCount: 12,
      installBand: "500+",
      votes: { up: 31, down: null },
    });
    expect(parsed.reviews).toEqual([
      parsedReview({
        anchor: "rev-7",
        author: "Nora Lind",
        stars: 5,
        date: new Date("2026-03-12"),
        text: "Exactly what we needed.\n\nSecond paragraph.",
        upvotes: 4,
        reply: "Thanks Nora!",
      }),
      parsedReview({ author: "Omar", stars: 2, date: new Date("2026-03-10T10:00:00Z"), text: "Too slow." }),
    ]);
  });

  it("merges what several sources say about the same review, the most structured first", () => {
    const dom = `<article id="review-r-1"><b>Ana K.</b><span aria-label="5 out of 5 stars"></span><time datetime="2026-10-02">2 Oct 2026</time><p>Quotes in two clicks. Our team loves it.</p><p>7 people found this helpful</p></article>`;
    const truncated = {
      ...complete,
      review: [{ ...complete.review[0], reviewBody: "Quotes in two clicks…", comment: undefined }],
    };
    const parsed = parseListingPage(htmlPage(ld(truncated), dom));
    expect(parsed.reviews).toEqual([
      parsedReview({
        externalId: "r-1",
        anchor: "review-r-1",
        author: "Ana K.",
        stars: 5,
        date: new Date("2026-10-02"),
        text: "Quotes in two clicks. Our team loves it.",
        upvotes: 7,
      }),
    ]);
  });
});
