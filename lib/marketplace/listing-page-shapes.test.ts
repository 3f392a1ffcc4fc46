import { describe, expect, it } from "vitest";
import { flightPayload } from "@/emulator/listing-data-pages";
import { LISTING_SHAPES, listingHtml } from "@/emulator/listing-pages";
import { listingSchema, type ListingInput } from "@/emulator/listings";
import { parseListingPage } from "./listing-page";

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
