import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ImportFormatError } from "@/lib/imports/records";
import { parseReviewImport } from "./import";

/** Reviews as people write them: commas, quotes, line breaks, emoji and non-Latin scripts. */
const words = fc.string({
  unit: fc.constantFrom("a", "Z", "é", "ß", "日", "Ж", "😀", " ", ",", '"', "'", "\n", ";", "\t", "#"),
  maxLength: 60,
});
const review = fc.record({
  id: fc.option(fc.stringMatching(/^[a-z0-9-]{1,20}$/), { nil: "" }),
  author: words.filter((s) => s.trim().length > 0 && s.trim().length <= 100),
  stars: fc.integer({ min: 1, max: 5 }),
  date: fc
    .date({ min: new Date("2015-01-01"), max: new Date("2026-11-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  text: words,
  upvotes: fc.nat({ max: 1000 }),
});

describe("parseReviewImport (property)", () => {
  it("reads back every review a CSV writer wrote, with its line, and the same keys every time", () => {
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 30 }), fc.boolean(), (reviews, crlf) => {
        const csv = Papa.unparse(reviews, {
          columns: ["id", "author", "stars", "date", "text", "upvotes"],
          newline: crlf ? "\r\n" : "\n",
        });
        const first = parseReviewImport(csv, "csv");
        expect(first.problems).toEqual([]);
        expect(
          first.rows.map((r) => [r.author, r.stars, r.date.toISOString().slice(0, 10), r.text, r.upvotes]),
        ).toEqual(reviews.map((r) => [r.author.trim(), r.stars, r.date, r.text.trim(), r.upvotes]));
        expect(first.rows.map((r) => r.line)).toEqual(reviews.map((_, i) => i + 2));
        expect(parseReviewImport(csv, "csv").rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
        // The same reviews as JSON get the same keys: a file imported in either form is not duplicated.
        expect(parseReviewImport(JSON.stringify(reviews), "json").rows.map((r) => r.key)).toEqual(
          first.rows.map((r) => r.key),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("never fails on arbitrary text except with a clear format error, and accounts for every row", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom("csv" as const, "json" as const), (text, format) => {
        try {
          const result = parseReviewImport(`${format === "csv" ? "author,stars,date\n" : ""}${text}`, format);
          expect(result.rows.length + result.problems.length).toBe(result.total);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFormatError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
