import Papa from "papaparse";
import { plural, pluralForm } from "@/lib/text/words";

/**
 * The import kit every file import reads with (install history in the browser, reviews on the
 * server): CSV with a header row or JSON, the same line numbers, the same refusals in the same
 * words, and the same shape for a row that cannot be taken. No server-only import: the installs
 * import reads its file in the browser to send it in batches with progress.
 */
export type ImportFormat = "csv" | "json";

/** A file that cannot be imported at all (not a row of it): the whole import is refused with this sentence. */
export class ImportFormatError extends Error {}

/** A row of the file, numbered as a person finds it: a CSV's header is line 1, a JSON list counts from 1. */
export type ImportRecord = { line: number; raw: Record<string, unknown> };

/** A row that cannot be taken, and why. */
export type ImportProblem = { line: number; message: string };

export type ImportSpec = {
  /** What one row is, in both numbers ("review", "reviews"). */
  noun: [string, string];
  /** The key of the list in a JSON object (`{ "reviews": [...] }`); a bare JSON list is taken too. */
  listKey: string;
  /** Every column the file may have, in the template's order, and those it must have. */
  columns: readonly string[];
  required: readonly string[];
  maxRows?: number;
};

/** CSV or JSON, from the file's name or its content type. */
export const importFormatOf = (name: string, type = ""): ImportFormat =>
  name.toLowerCase().endsWith(".json") || type.split(";")[0]!.trim().toLowerCase() === "application/json"
    ? "json"
    : "csv";

function jsonRows(text: string, spec: ImportSpec): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFormatError("The file is not valid JSON");
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object" && Array.isArray((data as Record<string, unknown>)[spec.listKey])
      ? ((data as Record<string, unknown>)[spec.listKey] as unknown[])
      : null;
  if (!list)
    throw new ImportFormatError(
      `The JSON must be a list of ${spec.noun[1]}, or an object with a "${spec.listKey}" list`,
    );
  return list.map((r) => (r && typeof r === "object" && !Array.isArray(r) ? (r as Record<string, unknown>) : {}));
}

function csvRows(text: string, spec: ImportSpec): Record<string, unknown>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const missing = spec.required.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length)
    throw new ImportFormatError(
      `The CSV has no ${missing.join(", ")} ${pluralForm(missing.length, "column", "columns")} (expected: ${spec.columns.join(", ")})`,
    );
  return parsed.data;
}

/** Every row of the file with its line, or an ImportFormatError saying why the file cannot be imported. */
export function readImportRecords(text: string, format: ImportFormat, spec: ImportSpec): ImportRecord[] {
  const rows = format === "json" ? jsonRows(text, spec) : csvRows(text, spec);
  if (rows.length === 0) throw new ImportFormatError(`The file has no ${spec.noun[1]}`);
  if (spec.maxRows !== undefined && rows.length > spec.maxRows)
    throw new ImportFormatError(
      `The file has ${plural(rows.length, ...spec.noun)}; import at most ${spec.maxRows.toLocaleString("en-US")} at a time`,
    );
  const first = format === "csv" ? 2 : 1;
  return rows.map((raw, i) => ({ line: first + i, raw }));
}

/** What the import did (or, in a dry run, would do), in the same words for every import. */
export function importSummary(r: {
  dryRun: boolean;
  added: number;
  existing: number;
  problems: number;
  total: number;
}) {
  return `${r.dryRun ? "Dry run" : "Imported"}: ${r.added.toLocaleString("en-US")} new, ${r.existing.toLocaleString("en-US")} already there, ${r.problems.toLocaleString("en-US")} with errors (of ${plural(r.total, "row", "rows")}).`;
}

/** The rows that could not be taken, as a CSV to fix them in (formula-safe, like every export). */
export async function problemsCsv(problems: ImportProblem[]) {
  const { toCsv } = await import("@/lib/text/csv");
  return toCsv([["line", "error"], ...problems.map((p) => [p.line, p.message])]);
}
