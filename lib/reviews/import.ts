import Papa from "papaparse";
import { z } from "zod";
import { reviewKeys } from "@/lib/marketplace/identity";
import { REVIEW_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./import-template";
import { importRowSchema } from "./schema";
import { pluralForm } from "@/lib/text/words";

/**
 * Reviews imported from a CSV or JSON file (for what the sync cannot reach). Columns / keys:
 * id (optional), author, stars, date, text, reply, upvotes. Rows get the same stable keys as
 * synced reviews, so importing a file twice — or importing what the sync later finds — never
 * makes a duplicate.
 */
export type ReviewImportRow = z.output<typeof importRowSchema> & { key: string; line: number };
export type ImportProblem = { line: number; message: string };

export class ImportFormatError extends Error {}

function records(text: string, format: "csv" | "json"): Record<string, unknown>[] {
  if (format === "json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new ImportFormatError("The file is not valid JSON");
    }
    const list = Array.isArray(data)
      ? data
      : data && typeof data === "object" && Array.isArray((data as { reviews?: unknown }).reviews)
        ? (data as { reviews: unknown[] }).reviews
        : null;
    if (!list) throw new ImportFormatError('The JSON must be a list of reviews, or an object with a "reviews" list');
    return list.map((r) => (r && typeof r === "object" && !Array.isArray(r) ? (r as Record<string, unknown>) : {}));
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const missing = ["author", "stars", "date"].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length)
    throw new ImportFormatError(
      `The CSV has no ${missing.join(", ")} ${pluralForm(missing.length, "column", "columns")} (expected: ${REVIEW_IMPORT_COLUMNS.join(", ")})`,
    );
  return parsed.data;
}

/** Every row checked; the valid ones keyed, the others with their line and reason. */
export function parseReviewImport(text: string, format: "csv" | "json") {
  const rows = records(text, format);
  if (rows.length === 0) throw new ImportFormatError("The file has no reviews");
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ImportFormatError(`The file has ${rows.length} reviews; import at most ${MAX_IMPORT_ROWS} at a time`);
  const valid: Omit<ReviewImportRow, "key">[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((raw, i) => {
    // CSV line numbers count the header; JSON "lines" are positions in the list, from 1.
    const line = format === "csv" ? i + 2 : i + 1;
    const result = importRowSchema.safeParse(
      Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "number" ? String(v) : v])),
    );
    if (result.success) valid.push({ ...result.data, line });
    else
      problems.push({
        line,
        message: result.error.issues
          .map((issue) =>
            issue.path.length && !issue.message.startsWith(String(issue.path[0]))
              ? `${String(issue.path[0])}: ${issue.message}`
              : issue.message,
          )
          .join("; "),
      });
  });
  const keys = reviewKeys(valid.map((r) => ({ externalId: r.id, author: r.author, date: r.date, text: r.text })));
  return { rows: valid.map((r, i): ReviewImportRow => ({ ...r, key: keys[i]! })), problems, total: rows.length };
}
