import { describe, expect, it } from "vitest";
import { ListingParseError, parseListingPage } from "./listing-page";
import { htmlPage, parsedReview } from "./listing-page-fixtures";

const push = (chunk: string) =>
  `<script>self.__next_f.push(${JSON.stringify([1, chunk]).replace(/</g, "\\u003c")})</script>`;

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
      htmlPage("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`),
    );
    expect(parsed).toMatchObject({ source: "next-data", ratingAverage: 4.2, reviewCount: 3 });
    expect(parsed.reviews).toEqual([
      parsedReview({
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
    const html = htmlPage(
      "",
      `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks.map(push).join("")}`,
    );
    const parsed = parseListingPage(html);
    expect(parsed).toMatchObject({ source: "flight", ratingAverage: 4.1, reviewCount: 27 });
    expect(parsed.reviews).toEqual([
      parsedReview({
        externalId: "a1",
        author: "Émile",
        stars: 5,
        date: new Date("2026-10-05T08:30:00Z"),
        text: longText.replace(/ +\n/g, "\n").replace(/ +/g, " ").trim(),
        reply: "$5 off for you",
      }),
      parsedReview({
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
      htmlPage("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`),
      { clientId: "mine" },
    );
    expect(parsed).toMatchObject({ ratingAverage: 4.4, reviewCount: 40 });
    // Only other apps' ratings on the page: nothing is the listing's, so nothing is read.
    const others = { props: { pageProps: { similar: data.props.pageProps.similar } } };
    expect(() =>
      parseListingPage(
        htmlPage("", `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(others)}</script>`),
      ),
    ).toThrow(ListingParseError);
  });
});
