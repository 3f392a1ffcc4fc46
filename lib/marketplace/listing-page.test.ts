import { describe, expect, it } from "vitest";
import { CHALLENGE_HTML, flightPayload, LISTING_SHAPES, listingHtml } from "@/emulator/listing-pages";
import { listingSchema, type ListingInput } from "@/emulator/listings";
import { ListingParseError, parseListingPage, type ParsedListing } from "./listing-page";

const page = (head: string, body = "") =>
  `<!doctype html><html><head><title>App</title>${head}</head><body>${body}</body></html>`;
const ld = (data: unknown) =>
  `<script type="application/ld+json">${typeof data === "string" ? data : JSON.stringify(data)}</script>`;
const push = (chunk: string) =>
  `<script>self.__next_f.push(${JSON.stringify([1, chunk]).replace(/</g, "\\u003c")})</script>`;

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
      interactionStatistic: {
        "@type": "InteractionCounter",
        interactionType: "https://schema.org/LikeAction",
        userInteractionCount: 7,
      },
      comment: [{ "@type": "Comment", text: "Thank you, Ana!" }],
    },
    {
      "@type": "Review",
      author: "Ben",
      datePublished: "2026-09-15T10:00:00Z",
      reviewBody: "Setup was slow.",
      reviewRating: { ratingValue: "2" },
    },
  ],
};

const review = (r: Partial<ParsedListing["reviews"][number]>) => ({
  externalId: null,
  anchor: null,
  author: "Anonymous",
  stars: 5,
  date: null,
  text: "",
  upvotes: 0,
  reply: null,
  ...r,
});

describe("JSON-LD", () => {
  it("reads a complete listing", () => {
    const parsed = parseListingPage(page(ld(complete), "<p>1,000+ installs</p>"));
    expect(parsed).toMatchObject({
      source: "json-ld",
      ratingAverage: 4.6,
      reviewCount: 128,
      installBand: "1,000+",
      notes: [],
    });
    expect(parsed.reviews).toEqual([
      review({
        externalId: "r-1",
        author: "Ana K.",
        stars: 5,
        date: new Date("2026-10-02"),
        text: "Quotes in two clicks. Our team loves it.",
        upvotes: 7,
        reply: "Thank you, Ana!",
      }),
      review({ author: "Ben", stars: 2, date: new Date("2026-09-15T10:00:00Z"), text: "Setup was slow." }),
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
      page(
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
    expect(parsed.reviews).toEqual([review({ stars: 4, text: "Fine" })]);
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
      page(
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
      page(
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
      page(
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
      page(
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
    expect(parsed.reviews).toEqual([review({ author: "Al", stars: 4, text: "Good" })]);
  });
});

describe("Next.js data", () => {
  it("reads Pages Router __NEXT_DATA__ under the page's own key names", () => {
    const state = {
      props: {
        pageProps: {
          app: {
            averageRating: 4.2,
            reviewCount: 3,
            reviews: [
              {
                id: 91,
                authorName: "Kemi",
                rating: 4,
                text: "Good",
                createdAt: "2026-11-01",
                helpfulCount: 2,
                reply: { text: "Thanks!" },
              },
            ],
          },
        },
      },
    };
    const parsed = parseListingPage(
      page("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`),
    );
    expect(parsed).toMatchObject({ source: "next-data", ratingAverage: 4.2, reviewCount: 3 });
    expect(parsed.reviews).toEqual([
      review({
        externalId: "91",
        author: "Kemi",
        stars: 4,
        date: new Date("2026-11-01"),
        text: "Good",
        upvotes: 2,
        reply: "Thanks!",
      }),
    ]);
  });

  it("reads App Router flight data split across chunks: text rows by byte length, $D dates, $ references, $$ escapes, module/hint/error rows skipped", () => {
    const longText = `Line one — naïve café ✓ 日本語\nLine two with "quotes" and a \\ backslash. ${"Long review. ".repeat(90)}`;
    const reviews = [
      {
        reviewId: "a1",
        score: 5,
        content: "$b",
        postedAt: "$D2026-10-05T08:30:00.000Z",
        author: { name: "Émile" },
        vendorReply: { body: "$$5 off for you" },
      },
      {
        reviewId: "a2",
        score: 3,
        content: "$$100 a month is steep",
        postedAt: "$D2026-10-07T08:30:00.000Z",
        author: { name: "Kai" },
        vendorReply: null,
      },
    ];
    const payload =
      `1:I["(app-pages-browser)/./src/App.tsx",["static/chunks/1.js"],"App"]\n` +
      `2:HL["/_next/static/css/a.css","style"]\n` +
      `a:${JSON.stringify(reviews)}\n` +
      `0:["$","$L1",null,{"listing":{"clientId":"c-1","ratingSummary":{"avg":4.1,"total":"$c"},"reviews":"$a"}}]\n` +
      `3:E{"digest":"NEXT_NOT_FOUND"}\n` +
      `b:T${Buffer.byteLength(longText, "utf8").toString(16)},${longText}` +
      `c:27\n`;
    // Cut in odd places, including inside escapes and multi-byte characters' neighbourhoods.
    const cuts = [3, 50, 51, 120, 200, payload.indexOf("naïve") + 2, payload.indexOf("日本") + 1, payload.length - 4];
    const chunks = cuts.map((c, i) => payload.slice(i === 0 ? 0 : cuts[i - 1], c)).concat(payload.slice(cuts.at(-1)));
    const html = page("", `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks.map(push).join("")}`);
    const parsed = parseListingPage(html);
    expect(parsed).toMatchObject({ source: "flight", ratingAverage: 4.1, reviewCount: 27 });
    expect(parsed.reviews).toEqual([
      review({
        externalId: "a1",
        author: "Émile",
        stars: 5,
        date: new Date("2026-10-05T08:30:00Z"),
        text: longText.replace(/ +\n/g, "\n").replace(/ +/g, " ").trim(),
        reply: "$5 off for you",
      }),
      review({
        externalId: "a2",
        author: "Kai",
        stars: 3,
        date: new Date("2026-10-07T08:30:00Z"),
        text: "$100 a month is steep",
      }),
    ]);
    expect(parsed.report.sources.find((s) => s.source === "flight")).toMatchObject({
      found: chunks.length,
      skipped: ["1 row of the page's own rendering errors"],
    });
  });

  it("leaves other apps' ratings aside and keeps the listing's, wherever it sits", () => {
    const data = {
      props: {
        pageProps: {
          similar: [
            { name: "A", rating: 4.9, reviewCount: 300 },
            { name: "B", rating: 3.1, reviewCount: 12 },
          ],
          app: { clientId: "mine", stats: { ratingValue: 4.4, ratingCount: 40 } },
        },
      },
    };
    const parsed = parseListingPage(
      page("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`),
      { clientId: "mine" },
    );
    expect(parsed).toMatchObject({ ratingAverage: 4.4, reviewCount: 40 });
    // Only other apps' ratings on the page: nothing is the listing's, so nothing is read.
    const others = { props: { pageProps: { similar: data.props.pageProps.similar } } };
    expect(() =>
      parseListingPage(
        page("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(others)}</script>`),
      ),
    ).toThrow(ListingParseError);
  });
});

describe("markup", () => {
  it("falls back to review microdata, typed or not", () => {
    const body = `<div itemprop="aggregateRating" itemscope><meta itemprop="ratingValue" content="3.5"><span itemprop="reviewCount">2</span></div>
      <div itemprop="review" itemscope id="rv-1"><span itemprop="author">Lars</span><meta itemprop="ratingValue" content="3"><time itemprop="datePublished" datetime="2026-08-01">Aug 1</time><p itemprop="reviewBody">Okay &amp; useful</p></div>`;
    const parsed = parseListingPage(page("", body));
    expect(parsed).toMatchObject({ source: "microdata", ratingAverage: 3.5, reviewCount: 2 });
    expect(parsed.reviews).toEqual([
      review({ anchor: "rv-1", author: "Lars", stars: 3, date: new Date("2026-08-01"), text: "Okay & useful" }),
    ]);
  });

  it("reads only the visible page: aria-labels, review cards with a name, a time and text", () => {
    const body = `<div><span aria-label="Rated 4.3 out of 5">★★★★☆</span> <span>4.3</span><span>12 reviews</span> <span>500+ installs</span> <span>31 upvotes</span></div>
      <ul><li id="rev-7"><h4>Nora Lind</h4><span title="5 out of 5 stars">★★★★★</span><span>12 March 2026</span><p>Exactly what we needed.</p><p>Second paragraph.</p><div class="vendor-response"><p>Thanks Nora!</p></div><span>4 people found this helpful</span></li>
      <li><h4>Omar</h4><span aria-label="2 out of 5 stars"></span><time datetime="2026-03-10T10:00:00Z">2 weeks ago</time><p>Too slow.</p></li></ul>
      <aside class="RelatedApps_x"><span aria-label="Rated 4.9 out of 5"></span> 800 reviews</aside>`;
    const parsed = parseListingPage(page("", body));
    expect(parsed).toMatchObject({
      source: "dom",
      ratingAverage: 4.3,
      reviewCount: 12,
      installBand: "500+",
      votes: { up: 31, down: null },
    });
    expect(parsed.reviews).toEqual([
      review({
        anchor: "rev-7",
        author: "Nora Lind",
        stars: 5,
        date: new Date("2026-03-12"),
        text: "Exactly what we needed.\n\nSecond paragraph.",
        upvotes: 4,
        reply: "Thanks Nora!",
      }),
      review({ author: "Omar", stars: 2, date: new Date("2026-03-10T10:00:00Z"), text: "Too slow." }),
    ]);
  });

  it("merges what several sources say about the same review, the most structured first", () => {
    const dom = `<article id="review-r-1"><b>Ana K.</b><span aria-label="5 out of 5 stars"></span><time datetime="2026-10-02">2 Oct 2026</time><p>Quotes in two clicks. Our team loves it.</p><p>7 people found this helpful</p></article>`;
    const truncated = {
      ...complete,
      review: [{ ...complete.review[0], reviewBody: "Quotes in two clicks…", comment: undefined }],
    };
    const parsed = parseListingPage(page(ld(truncated), dom));
    expect(parsed.reviews).toEqual([
      review({
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
      page(ld({ "@type": "SoftwareApplication", name: "New App" }), "<h1>New App</h1><p>No reviews yet</p>"),
    );
    expect(parsed).toMatchObject({
      ratingAverage: null,
      reviewCount: 0,
      reviews: [],
      report: { outcome: "no-reviews", summary: "The listing has no reviews yet (the visible page)" },
    });
    expect(
      parseListingPage(
        page(ld({ "@type": "Product", name: "X", aggregateRating: { ratingValue: null, reviewCount: 0 } })),
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
    expect(fails(page("<title>Log in | Pipedrive</title>", '<form><input type="password"></form>')).kind).toBe("login");
    expect(fails(`<html><head><title>Page not found</title></head><body><h1>404</h1></body></html>`).kind).toBe(
      "not-found",
    );
    const changed = fails(
      page(
        '<link rel="canonical" href="https://www.pipedrive.com/en/marketplace/app/x/y">',
        "<h1>X</h1><p>A new design</p>",
      ),
    );
    expect(changed.kind).toBe("changed");
    expect(changed.message).toContain("Pipedrive may have changed its layout");
    expect(fails(page("", "<h1>Maintenance</h1>")).message).toBe(
      'The page ("App") is not a Marketplace listing Listing Studio can read: it has no rating, no reviews and no listing data. Nothing was stored. Check the Marketplace page URL in the app\'s settings.',
    );
    expect(fails("garbage \u0000\u0001 <<<").kind).toBe("not-a-listing");
    // The report still says what was looked at.
    expect(fails(page(ld("{oops"))).report.sources[0]).toEqual({
      source: "json-ld",
      found: 1,
      read: null,
      skipped: ["JSON-LD block 1 is not valid JSON; it was skipped"],
    });
  });
});

describe("every shape the emulator serves reads the same listing", () => {
  const listing: ListingInput = {
    clientId: "f00dcafe12345678",
    name: "RingCentral App Connect",
    builtBy: "Ring Partners",
    summary: "Calls in Pipedrive",
    installBand: "1,000+",
    votes: { up: 41, down: 3 },
    reviews: [
      {
        id: "rv-1",
        author: "Hana Sato",
        stars: 5,
        date: "2026-11-10T09:00:00.000Z",
        text: 'Makes calling painless.\n\nSecond paragraph with "quotes" & <tags>.',
        upvotes: 4,
        reply: "Thank you, Hana!",
      },
      {
        id: "rv-2",
        author: "Ivan Petrov",
        stars: 2,
        date: "2026-11-12T09:00:00.000Z",
        text: `Crashes — ${"a long story. ".repeat(100)}`,
        upvotes: 0,
        reply: null,
      },
      {
        id: "rv-3",
        author: "Zoë Ærø",
        stars: 4,
        date: "2026-11-15T09:00:00.000Z",
        text: "$9 a month is fair; 日本語もOK",
        upvotes: 1,
        reply: null,
      },
    ],
  };
  const expected = listingSchema.parse(listing).reviews.map((r) => ({
    author: r.author,
    stars: r.stars,
    date: new Date(r.date),
    text: r.text.replace(/ +$/, ""),
    upvotes: r.upvotes,
    reply: r.reply,
  }));

  it.each(LISTING_SHAPES.filter((s) => s !== "challenge" && s !== "no-reviews"))("%s", (shape) => {
    const parsed = parseListingPage(
      listingHtml(listingSchema.parse({ ...listing, shape }), "https://www.pipedrive.com"),
      { clientId: listing.clientId },
    );
    expect(parsed.source).toBe(shape);
    expect(parsed.ratingAverage).toBe(3.7);
    expect(parsed.reviewCount).toBe(3);
    expect(
      parsed.reviews.map(({ author, stars, date, text, upvotes, reply }) => ({
        author,
        stars,
        date,
        text,
        upvotes,
        reply,
      })),
    ).toEqual(expected);
    expect(parsed.reviews.every((r) => r.externalId === null || /^rv-\d$/.test(r.externalId))).toBe(true);
    if (shape !== "microdata") expect(parsed.installBand).toBe("1,000+");
    if (shape === "next-data" || shape === "flight") expect(parsed.votes).toEqual({ up: 41, down: 3 });
    if (shape === "json-ld" || shape === "dom" || shape === "microdata")
      expect(parsed.reviews.map((r) => r.anchor)).toEqual(["review-rv-1", "review-rv-2", "review-rv-3"]);
  });

  it("no-reviews is zero without an error; challenge is an error", () => {
    expect(
      parseListingPage(
        listingHtml(listingSchema.parse({ ...listing, shape: "no-reviews" }), "https://www.pipedrive.com"),
      ),
    ).toMatchObject({ ratingAverage: null, reviewCount: 0, reviews: [] });
    expect(() =>
      parseListingPage(
        listingHtml(listingSchema.parse({ ...listing, shape: "challenge" }), "https://www.pipedrive.com"),
      ),
    ).toThrow(expect.objectContaining({ kind: "challenge" }));
  });

  it("the flight payload really uses text rows, dates, references and escapes", () => {
    const payload = flightPayload(listingSchema.parse(listing));
    expect(payload).toMatch(/[0-9a-f]+:T[0-9a-f]+,Crashes/);
    expect(payload).toMatch(/[0-9a-f]+:T[0-9a-f]+,Makes calling painless.\n\nSecond/);
    expect(payload).toContain('"$D2026-11-10T09:00:00.000Z"');
    expect(payload).toContain('"$$9 a month is fair');
    expect(payload).toMatch(/"items":"\$[0-9a-f]+"/);
  });
});
