import { describe, expect, it } from "vitest";
import { parseReviewImport } from "./import";
import { REVIEW_TEMPLATE_CSV } from "./import-template";

describe("parseReviewImport", () => {
  it("reads the template CSV and keys rows like the sync does", () => {
    const { rows, problems, total } = parseReviewImport(REVIEW_TEMPLATE_CSV, "csv");
    expect([total, problems]).toEqual([2, []]);
    expect(rows.map((r) => [r.author, r.stars, r.reply, r.upvotes, r.line])).toEqual([
      ["Ana Souza", 5, null, 3, 2],
      ["Tom Berg", 3, "Thanks Tom! We simplified setup in 2.4.", 0, 3],
    ]);
    expect(rows[0]!.key).toBe("id:rv-1001");
    expect(rows[1]!.key).toMatch(/^h:[0-9a-f]{32}$/);
  });

  it("reports each bad row with its line and keeps the good ones", () => {
    const csv =
      "Author,Stars,Date,Text\nAnn,5,2026-10-01,ok\n,4,2026-10-01,no author\nBen,0,2026-10-01,zero\nCid,3,someday,when\n";
    const { rows, problems } = parseReviewImport(csv, "csv");
    expect(rows.map((r) => r.author)).toEqual(["Ann"]);
    expect(problems).toEqual([
      { line: 3, message: "author is required" },
      { line: 4, message: "stars: Stars must be from 1 to 5" },
      { line: 5, message: "date: The date must look like 2026-11-28" },
    ]);
  });

  it("reads JSON lists and {reviews: []}, numbers included", () => {
    const one = { author: "Ann", stars: 4, date: "2026-10-01T10:00:00Z", text: "Good", upvotes: 2 };
    expect(parseReviewImport(JSON.stringify([one]), "json").rows[0]).toMatchObject({
      author: "Ann",
      stars: 4,
      upvotes: 2,
      line: 1,
    });
    expect(parseReviewImport(JSON.stringify({ reviews: [one, "x"] }), "json").problems).toEqual([
      {
        line: 2,
        message:
          "author is required; stars: Stars must be a whole number from 1 to 5; date: Give the date of the review",
      },
    ]);
  });

  it.each([
    ["{", "json", "The file is not valid JSON"],
    ['{"a":1}', "json", 'The JSON must be a list of reviews, or an object with a "reviews" list'],
    ["[]", "json", "The file has no reviews"],
    [
      "name,score\nAnn,5\n",
      "csv",
      "The CSV has no author, stars, date columns (expected: id, author, stars, date, text, reply, upvotes)",
    ],
  ] as const)("refuses %s as %s: %s", (text, format, message) => {
    expect(() => parseReviewImport(text, format)).toThrow(message);
  });
});
