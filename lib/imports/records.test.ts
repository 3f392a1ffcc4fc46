import { describe, expect, it } from "vitest";
import { INSTALL_IMPORT } from "@/lib/installs/import-template";
import {
  importFormatOf,
  ImportFormatError,
  importSummary,
  problemsCsv,
  readImportRecords,
  type ImportSpec,
} from "./records";

const REVIEWS: ImportSpec = {
  noun: ["review", "reviews"],
  listKey: "reviews",
  columns: ["author", "stars", "date", "text"],
  required: ["author", "stars", "date"],
  maxRows: 3,
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError);
    return (error as Error).message;
  }
  throw new Error("expected the file to be refused");
};

describe("the import kit", () => {
  it("numbers CSV rows as the file does (the header is line 1) and JSON rows from 1", () => {
    const csv = readImportRecords("\uFEFFAuthor , Stars,date\nAna,5,2026-01-02\n\nBo,4,2026-01-03\n", "csv", REVIEWS);
    expect(csv).toEqual([
      { line: 2, raw: { author: "Ana", stars: "5", date: "2026-01-02" } },
      { line: 3, raw: { author: "Bo", stars: "4", date: "2026-01-03" } },
    ]);
    const json = readImportRecords(JSON.stringify({ reviews: [{ author: "Ana" }, "not an object"] }), "json", REVIEWS);
    expect(json).toEqual([
      { line: 1, raw: { author: "Ana" } },
      { line: 2, raw: {} },
    ]);
    expect(readImportRecords('[{"type":"install"}]', "json", INSTALL_IMPORT)).toEqual([
      { line: 1, raw: { type: "install" } },
    ]);
  });

  it("refuses a file it cannot import, in the same words for every import", () => {
    expect(refusal(() => readImportRecords("{", "json", REVIEWS))).toBe("The file is not valid JSON");
    expect(refusal(() => readImportRecords('{"rows":[]}', "json", INSTALL_IMPORT))).toBe(
      'The JSON must be a list of rows, or an object with a "events" list',
    );
    expect(refusal(() => readImportRecords("author,text\nAna,hi", "csv", REVIEWS))).toBe(
      "The CSV has no stars, date columns (expected: author, stars, date, text)",
    );
    expect(refusal(() => readImportRecords("type,company_id,user_id,occurred_at\n", "csv", INSTALL_IMPORT))).toBe(
      "The file has no rows",
    );
    expect(refusal(() => readImportRecords("[]", "json", REVIEWS))).toBe("The file has no reviews");
    expect(refusal(() => readImportRecords(JSON.stringify([{}, {}, {}, {}]), "json", REVIEWS))).toBe(
      "The file has 4 reviews; import at most 3 at a time",
    );
  });

  it("tells CSV from JSON by name or content type", () => {
    expect(importFormatOf("history.JSON")).toBe("json");
    expect(importFormatOf("export", "application/json; charset=utf-8")).toBe("json");
    expect(importFormatOf("history.csv", "text/csv")).toBe("csv");
  });

  it("says what an import did, and gives its refused rows as a formula-safe CSV", async () => {
    expect(importSummary({ dryRun: true, added: 1200, existing: 3, problems: 1, total: 1204 })).toBe(
      "Dry run: 1,200 new, 3 already there, 1 with errors (of 1,204 rows).",
    );
    expect(importSummary({ dryRun: false, added: 0, existing: 1, problems: 0, total: 1 })).toBe(
      "Imported: 0 new, 1 already there, 0 with errors (of 1 row).",
    );
    const csv = await problemsCsv([{ line: 4, message: "=HYPERLINK(1) is not a number" }]);
    expect(csv.split(/\r?\n/)[0]).toBe("line,error");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
