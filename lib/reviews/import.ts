import { z } from "zod";
import { readImportRecords, type ImportFormat, type ImportProblem, type ImportSpec } from "@/lib/imports/records";
import { reviewKeys } from "@/lib/marketplace/identity";
import { REVIEW_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./import-template";
import { importRowSchema } from "./schema";

/**
 * Reviews imported from a CSV or JSON file (for what the sync cannot reach). Columns / keys:
 * id (optional), author, stars, date, text, reply, upvotes. Rows get the same stable keys as
 * synced reviews, so importing a file twice — or importing what the sync later finds — never
 * makes a duplicate.
 */
export type ReviewImportRow = z.output<typeof importRowSchema> & { key: string; line: number };

const REVIEW_IMPORT: ImportSpec = {
  noun: ["review", "reviews"],
  listKey: "reviews",
  columns: REVIEW_IMPORT_COLUMNS,
  required: ["author", "stars", "date"],
  maxRows: MAX_IMPORT_ROWS,
};
/** Every row checked; the valid ones keyed, the others with their line and reason. */
export function parseReviewImport(text: string, format: ImportFormat) {
  const rows = readImportRecords(text, format, REVIEW_IMPORT);
  const valid: Omit<ReviewImportRow, "key">[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach(({ line, raw }) => {
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
