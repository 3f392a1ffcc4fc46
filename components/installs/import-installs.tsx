"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { csvDownload } from "@/components/ui/download";
import {
  IMPORT_BATCH,
  INSTALL_IMPORT_COLUMNS,
  IMPORT_TEMPLATE,
  type ImportRowResult,
} from "@/lib/installs/import-template";
import { plural } from "@/lib/text/words";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

/** The CSV reader and the row checks (the server's own) load when a file is chosen, not with the page. */
const papa = async () => (await import("papaparse")).default;

type Parsed = { name: string; rows: unknown[]; problems: ImportRowResult[] };
type Outcome = { accepted: number; duplicates: number; invalid: ImportRowResult[] };

/** Row numbers as people see them in the file: the CSV header is line 1, so data starts at 2. */
const FIRST_ROW = 2;

const errorReport = async (problems: ImportRowResult[]) =>
  (await import("@/lib/text/csv")).toCsv([["row", "error"], ...problems.map((p) => [p.row, p.reason ?? ""])]);

async function parseFile(file: File): Promise<unknown[]> {
  if (file.name.toLowerCase().endsWith(".json") || file.type === "application/json") {
    const json = JSON.parse(await file.text()) as unknown;
    const rows = Array.isArray(json)
      ? json
      : json && typeof json === "object" && Array.isArray((json as { events?: unknown }).events)
        ? (json as { events: unknown[] }).events
        : null;
    if (!rows) throw new Error('A JSON file must hold a list of rows, or { "events": [...] }');
    return rows;
  }
  const Papa = await papa();
  return new Promise((resolve, reject) => {
    const rows: unknown[] = [];
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim().toLowerCase(),
      step: (result) => void rows.push(result.data),
      complete: () => resolve(rows),
      error: (error) => reject(error),
    });
  });
}

/** Historical installs from a CSV or JSON file: a dry run first, then batches with a progress bar. */
export function ImportInstalls({ appId }: { appId: string }) {
  const router = useRouter();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (file: File | undefined) => {
    setParsed(null);
    setOutcome(null);
    setFileError(null);
    if (!file) return;
    try {
      const [rows, { checkImportRow }] = await Promise.all([parseFile(file), import("@/lib/installs/import-rows")]);
      if (rows.length === 0) return setFileError("The file has no rows.");
      const problems = rows.flatMap((raw, i): ImportRowResult[] => {
        const check = checkImportRow(raw);
        return check.ok ? [] : [{ row: FIRST_ROW + i, status: "invalid", reason: check.reason }];
      });
      setParsed({ name: file.name, rows, problems });
    } catch (error) {
      setFileError(`The file could not be read: ${error instanceof Error ? error.message : "unknown error"}`);
    }
  };

  const run = async () => {
    if (!parsed) return;
    const totals: Outcome = { accepted: 0, duplicates: 0, invalid: [] };
    setProgress(0);
    for (let start = 0; start < parsed.rows.length; start += IMPORT_BATCH) {
      const res = await fetch(`/api/apps/${appId}/installations/import`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ firstRow: FIRST_ROW + start, rows: parsed.rows.slice(start, start + IMPORT_BATCH) }),
      });
      const body = await res.json();
      if (!res.ok) {
        setProgress(null);
        return setFileError(
          body.error?.message ?? "The import stopped: please try again (rows already imported are kept once).",
        );
      }
      for (const r of body.results as ImportRowResult[]) {
        if (r.status === "accepted") totals.accepted++;
        else if (r.status === "duplicate") totals.duplicates++;
        else totals.invalid.push(r);
      }
      setProgress(Math.min(parsed.rows.length, start + IMPORT_BATCH));
    }
    await fetch(`/api/apps/${appId}/installations/import?finish=1`, { method: "POST" });
    setOutcome(totals);
    setProgress(null);
    router.refresh();
  };

  const preview = parsed?.rows.slice(0, 5) ?? [];
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4" open={parsed !== null || undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">Import history from a file</summary>
      <div className="mt-3 space-y-4 text-sm">
        <p className="text-slate-600">
          CSV or JSON with the columns <code>{INSTALL_IMPORT_COLUMNS.join(", ")}</code>. <code>type</code> is
          install_started, consent_denied, install or uninstall;
          <code> occurred_at</code> is ISO 8601. Importing the same file again changes nothing.{" "}
          <button
            type="button"
            className="inline-flex items-center gap-1 font-medium text-brand-700 underline"
            onClick={() => csvDownload("installs-template.csv", IMPORT_TEMPLATE)}
          >
            <Download aria-hidden className="size-3" /> Download the template
          </button>
        </p>
        <label className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-800 hover:bg-slate-50">
          <Upload aria-hidden className="size-4" /> Choose a file
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="sr-only"
            aria-label="Import file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
        {fileError ? (
          <p role="alert" className="text-red-700">
            {fileError}
          </p>
        ) : null}
        {parsed ? (
          <div className="space-y-3" data-testid="import-dry-run">
            <p>
              <strong>{parsed.name}</strong>: {plural(parsed.rows.length, "row", "rows")},{" "}
              {(parsed.rows.length - parsed.problems.length).toLocaleString("en-US")} valid,{" "}
              {parsed.problems.length.toLocaleString("en-US")} with errors.
            </p>
            <ScrollArea label="First rows of the file">
              <Table density="compact" className="min-w-[40rem]">
                <caption className="sr-only">First rows of the file</caption>
                <THead>
                  <tr>
                    <Th>Row</Th>
                    {INSTALL_IMPORT_COLUMNS.slice(0, 5).map((c) => (
                      <Th key={c}>{c}</Th>
                    ))}
                    <Th>Check</Th>
                  </tr>
                </THead>
                <TBody className="divide-y-0">
                  {preview.map((raw, i) => {
                    const row = (raw ?? {}) as Record<string, unknown>;
                    const problem = parsed.problems.find((p) => p.row === FIRST_ROW + i);
                    return (
                      <tr key={i} className="border-t border-slate-100">
                        <Td>{FIRST_ROW + i}</Td>
                        {INSTALL_IMPORT_COLUMNS.slice(0, 5).map((c) => (
                          <Td key={c} className="max-w-40 truncate">
                            {String(row[c] ?? "")}
                          </Td>
                        ))}
                        <Td className={`py-1 ${problem ? "text-red-700" : "text-emerald-700"}`}>
                          {problem ? problem.reason : "OK"}
                        </Td>
                      </tr>
                    );
                  })}
                </TBody>
              </Table>
            </ScrollArea>
            {parsed.problems.length > 0 ? (
              <div>
                <ul className="list-disc pl-5 text-red-700" aria-label="Rows with errors">
                  {parsed.problems.slice(0, 5).map((p) => (
                    <li key={p.row}>
                      Row {p.row}: {p.reason}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="mt-1 font-medium text-brand-700 underline"
                  onClick={async () => csvDownload("import-errors.csv", await errorReport(parsed.problems))}
                >
                  Download the error report
                </button>
              </div>
            ) : null}
            {progress !== null ? (
              <div>
                <div
                  className="h-2 overflow-hidden rounded-full bg-slate-200"
                  role="progressbar"
                  aria-label="Import progress"
                  aria-valuemin={0}
                  aria-valuemax={parsed.rows.length}
                  aria-valuenow={progress}
                >
                  <div
                    className="h-full bg-brand-600 transition-all"
                    style={{ width: `${(progress / parsed.rows.length) * 100}%` }}
                  />
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  {progress} of {plural(parsed.rows.length, "row", "rows")}
                </p>
              </div>
            ) : outcome ? (
              <p
                role="status"
                className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900"
                data-testid="import-outcome"
              >
                Imported {plural(outcome.accepted, "row", "rows")} · {outcome.duplicates.toLocaleString("en-US")}{" "}
                already known · {outcome.invalid.length.toLocaleString("en-US")} refused.
              </p>
            ) : (
              <Button type="button" onClick={() => void run()} disabled={parsed.rows.length === parsed.problems.length}>
                Import {plural(parsed.rows.length - parsed.problems.length, "valid row", "valid rows")}
              </Button>
            )}
          </div>
        ) : null}
      </div>
    </details>
  );
}
