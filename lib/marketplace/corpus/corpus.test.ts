import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCollectionPage } from "../collection-page";
import { readListingContent } from "../listing-content";
import { parseListingPage } from "../listing-page";
import { COLLECTION_CASES, LISTING_CASES } from "./cases";
import { clean, youtubeId } from "./compare";

/**
 * The corpus (see README.md): pages written from the description of the public Marketplace, and
 * what a correct reader must produce from each. Failures here are readers that learned old shapes.
 */

const dir = fileURLToPath(new URL(".", import.meta.url));
const page = (file: string) => readFileSync(dir + file, "utf8");

const day = (d: Date | null | undefined) =>
  d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;

const kindOf = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    return (e as { kind?: string }).kind ?? `thrown without a kind: ${(e as Error).message}`;
  }
  return "no error: the page was read";
};

describe("Marketplace page corpus: listing pages", () => {
  for (const c of LISTING_CASES) {
    it(`${c.class}: ${c.file}`, () => {
      const html = page(c.file);
      const context = { clientId: c.clientId, url: c.url, fetchedAt: new Date(c.fetchedAt) } as never;

      if ("error" in c.expect) {
        expect(kindOf(() => parseListingPage(html, context))).toBe(c.expect.error);
        return;
      }

      const want = c.expect;
      const got = parseListingPage(html, context);
      if (want.ratingAverage === null) expect(got.ratingAverage).toBeNull();
      else {
        expect(got.ratingAverage).not.toBeNull();
        expect(got.ratingAverage!).toBeCloseTo(want.ratingAverage, 1);
      }
      expect(got.reviewCount).toBe(want.reviewCount);

      // A review's text is shown as the expected beginning it starts with (any expected review's), or as
      // its own first 80 characters when it starts with none, so that a diff shows what was read.
      const reviews = got.reviews.map((review) => {
        const text = clean(review.text);
        const known = want.reviews.find((w) => text.startsWith(w.textStartsWith));
        return {
          author: clean(review.author),
          stars: review.stars,
          date: day(review.date),
          textStartsWith: known ? known.textStartsWith : text.slice(0, 80),
        };
      });
      expect(reviews).toEqual(want.reviews);

      if (c.content) {
        const content = readListingContent(html, { url: c.url, clientId: c.clientId });
        expect(content.name).toBe(c.content.name);
        if (c.content.summary !== undefined) expect(clean(content.summary ?? "")).toBe(c.content.summary);
        if (c.content.screenshots !== undefined) expect(content.screenshots).toHaveLength(c.content.screenshots);
        if (c.content.video !== undefined) expect(youtubeId(content.video)).toBe(c.content.video);
        if (c.content.categories !== undefined)
          expect([...content.categories].map(clean).sort()).toEqual([...c.content.categories].sort());
      }
    });
  }
});

describe("Marketplace page corpus: collection and category pages", () => {
  for (const c of COLLECTION_CASES) {
    it(`${c.class}: ${c.file}`, () => {
      const html = page(c.file);

      if ("error" in c.expect) {
        expect(kindOf(() => parseCollectionPage(html, c.url))).toBe(c.expect.error);
        return;
      }

      const want = c.expect;
      const got = parseCollectionPage(html, c.url);
      expect(got.entries.map((e) => e.clientId)).toEqual(want.clientIds);
      // An entry without a position of its own stands at its place in the list (CollectionEntry's contract).
      expect(got.entries.map((e, i) => e.position ?? i + 1)).toEqual(
        want.clientIds.map((_, i) => want.firstPosition + i),
      );
      expect(got.total).toBe(want.total);
    });
  }
});

describe("Marketplace page corpus: bookkeeping", () => {
  it("has a case for every page and a page for every case", () => {
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".html"))
      .sort();
    const cases = [...LISTING_CASES, ...COLLECTION_CASES].map((c) => c.file).sort();
    expect(cases).toEqual(pages);
  });
});
