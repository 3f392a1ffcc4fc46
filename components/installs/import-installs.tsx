"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { csvDownload } from "@/components/ui/download";
import { importSummary, type ImportProblem, type ImportRecord } from "@/lib/imports/records";
import {
  IMPORT_BATCH,
  INSTALL_IMPORT,
  INSTALL_IMPORT_COLUMNS,
  IMPORT_TEMPLATE,
  type ImportRowResult,
} from "@/lib/installs/import-template";
import { plural } from "@/lib/text/words";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type Parsed = { name: string; records: ImportRecord[]; problems: ImportProblem[] };
type Outcome = { accepted: number; duplicates: number; invalid: number };

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
      // The reader and the row checks (the server's own) load when a file is chosen, not with the page.
      const [text, kit, { checkImportRow }] = await Promise.all([
        file.text(),
        import("@/lib/imports/records"),
        import("@/lib/installs/import-rows"),
      ]);
      const records = kit.readImportRecords(text, kit.importFormatOf(file.name, file.type), INSTALL_IMPORT);
      const problems = records.flatMap(({ line, raw }): ImportProblem[] => {
        const check = checkImportRow(raw);
        return check.ok ? [] : [{ line, message: check.reason }];
      });
      setParsed({ name: file.name, records, problems });
    } catch (error) {
      setFileError(`The file could not be read: ${error instanceof Error ? error.message : "unknown error"}`);
    }
  };

  const run = async () => {
    if (!parsed) return;
    const totals: Outcome = { accepted: 0, duplicates: 0, invalid: 0 };
    setProgress(0);
    for (let start = 0; start < parsed.records.length; start += IMPORT_BATCH) {
      const batch = parsed.records.slice(start, start + IMPORT_BATCH);
      const res = await fetch(`/api/apps/${appId}/installations/import`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ firstRow: batch[0]!.line, rows: batch.map((r) => r.raw) }),
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
        else totals.invalid++;
      }
      setProgress(Math.min(parsed.records.length, start + IMPORT_BATCH));
    }
    await fetch(`/api/apps/${appId}/installations/import?finish=1`, { method: "POST" });
    setOutcome(totals);
    setProgress(null);
    router.refresh();
  };

  const preview = parsed?.records.slice(0, 5) ?? [];
  return (
    <details
      className="rounded-xl border border-slate-200 bg-white p-4"
      open={parsed !== null || fileError !== null || undefined}
    >
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
              <strong>{parsed.name}</strong>: {plural(parsed.records.length, "row", "rows")},{" "}
              {(parsed.records.length - parsed.problems.length).toLocaleString("en-US")} valid,{" "}
              {parsed.problems.length.toLocaleString("en-US")} with errors.
            </p>
            <ScrollArea label="First rows of the file">
              <Table density="compact" className="min-w-[40rem]">
                <caption className="sr-only">First rows of the file</caption>
                <THead>
                  <tr>
                    <Th>Line</Th>
                    {INSTALL_IMPORT_COLUMNS.slice(0, 5).map((c) => (
                      <Th key={c}>{c}</Th>
                    ))}
                    <Th>Check</Th>
                  </tr>
                </THead>
                <TBody className="divide-y-0">
                  {preview.map(({ line, raw: row }) => {
                    const problem = parsed.problems.find((p) => p.line === line);
                    return (
                      <tr key={line} className="border-t border-slate-100">
                        <Td>{line}</Td>
                        {INSTALL_IMPORT_COLUMNS.slice(0, 5).map((c) => (
                          <Td key={c} className="max-w-40 truncate">
                            {String(row[c] ?? "")}
                          </Td>
                        ))}
                        <Td className={`py-1 ${problem ? "text-red-700" : "text-emerald-700"}`}>
                          {problem ? problem.message : "OK"}
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
                    <li key={p.line}>
                      Line {p.line}: {p.message}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="mt-1 font-medium text-brand-700 underline"
                  onClick={async () =>
                    csvDownload(
                      "import-errors.csv",
                      await (await import("@/lib/imports/records")).problemsCsv(parsed.problems),
                    )
                  }
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
                  aria-valuemax={parsed.records.length}
                  aria-valuenow={progress}
                >
                  <div
                    className="h-full bg-brand-600 transition-all"
                    style={{ width: `${(progress / parsed.records.length) * 100}%` }}
                  />
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  {progress} of {plural(parsed.records.length, "row", "rows")}
                </p>
              </div>
            ) : outcome ? (
              <p
                role="status"
                className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900"
                data-testid="import-outcome"
              >
                {importSummary({
                  dryRun: false,
                  added: outcome.accepted,
                  existing: outcome.duplicates,
                  problems: outcome.invalid,
                  total: parsed.records.length,
                })}
              </p>
            ) : (
              <Button
                type="button"
                onClick={() => void run()}
                disabled={parsed.records.length === parsed.problems.length}
              >
                Import {plural(parsed.records.length - parsed.problems.length, "valid row", "valid rows")}
              </Button>
            )}
          </div>
        ) : null}
      </div>
    </details>
  );
}
