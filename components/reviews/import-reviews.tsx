"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Upload } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { csvDownload } from "@/components/ui/download";
import { REVIEW_IMPORT_COLUMNS, MAX_IMPORT_BYTES, REVIEW_TEMPLATE_CSV } from "@/lib/reviews/import-template";
import type { ImportReport } from "@/lib/reviews/types";
import { importFormatOf, importSummary } from "@/lib/imports/records";
import { plural } from "@/lib/text/words";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type Picked = { file: File; report: ImportReport };

async function send(appId: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const json = importFormatOf(file.name, file.type) === "json";
  const res = await fetch(`/api/reviews/import?appId=${encodeURIComponent(appId)}${dryRun ? "&dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": json ? "application/json" : "text/csv" },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as (ImportReport & { error?: { message: string } }) | null;
  if (!res.ok || !body || body.error) throw new Error(body?.error?.message ?? `The import failed (HTTP ${res.status})`);
  return body;
}

/** Reviews from a CSV or JSON file: a dry run first, then the import; the same file twice adds nothing. */
export function ImportReviews({ apps }: { apps: { id: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [appId, setAppId] = useState(apps[0]?.id ?? "");
  const [picked, setPicked] = useState<Picked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // "/reviews#import" (the advice when a Marketplace page cannot be read) opens the import.
  useEffect(() => {
    const follow = () => {
      if (window.location.hash === "#import") setOpen(true);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  if (!open) {
    return (
      <Button id="import" variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={apps.length === 0}>
        <Upload aria-hidden /> Import reviews
      </Button>
    );
  }
  const report = picked?.report;
  return (
    <section
      id="import"
      aria-labelledby="import-reviews-heading"
      className="scroll-mt-6 space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="import-reviews-heading" className="font-semibold text-slate-900">
            Import reviews
          </h2>
          <p className="text-sm text-slate-600">
            CSV or JSON, up to {MAX_IMPORT_BYTES / 1_000_000} MB. Columns:{" "}
            <code>{REVIEW_IMPORT_COLUMNS.join(", ")}</code> — author, stars (1–5) and date are required.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => csvDownload("reviews-template.csv", REVIEW_TEMPLATE_CSV)}>
          <Download aria-hidden /> Template
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-800">
          App
          <select
            className={`${inputClass} mt-1`}
            value={appId}
            onChange={(e) => {
              setAppId(e.target.value);
              setPicked(null);
            }}
          >
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          File
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="mt-1 block text-sm"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setPicked(null);
              setError(null);
              if (!file) return;
              if (file.size > MAX_IMPORT_BYTES) return setError("The file is larger than 2 MB; split it");
              setBusy(true);
              try {
                setPicked({ file, report: await send(appId, file, true) });
              } catch (err) {
                setError((err as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          />
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {report ? (
        <div className="space-y-3" data-testid="review-import-preview">
          <p className="text-sm text-slate-700" role="status">
            {importSummary({ ...report, problems: report.problemCount })}
          </p>
          {report.preview.length ? (
            <Table density="compact">
              <caption className="sr-only">First rows of the file</caption>
              <THead>
                <tr>
                  <Th>Line</Th>
                  <Th>Reviewer</Th>
                  <Th>Stars</Th>
                  <Th>Date</Th>
                  <Th>Text</Th>
                  <Th>New?</Th>
                </tr>
              </THead>
              <TBody>
                {report.preview.map((r) => (
                  <tr key={r.line}>
                    <Td>{r.line}</Td>
                    <Td>{r.author}</Td>
                    <Td>{r.stars}</Td>
                    <Td>{r.date.slice(0, 10)}</Td>
                    <Td className="max-w-64 truncate">{r.text}</Td>
                    <Td>{r.isNew ? "New" : "Already there"}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {report.problems.length ? (
            <div>
              <ul className="max-h-40 list-disc overflow-auto pl-5 text-xs text-red-700" aria-label="Rows with errors">
                {report.problems.map((p) => (
                  <li key={p.line}>
                    Line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
              <Button
                variant="ghost"
                size="sm"
                onClick={async () =>
                  csvDownload(
                    "review-import-errors.csv",
                    await (await import("@/lib/imports/records")).problemsCsv(report.problems),
                  )
                }
              >
                <Download aria-hidden /> Error report
              </Button>
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setOpen(false);
                setPicked(null);
              }}
            >
              Close
            </Button>
            {report.dryRun && report.added > 0 ? (
              <Button
                size="sm"
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    const done = await send(appId, picked.file, false);
                    setPicked({ file: picked.file, report: done });
                    toast.success(`${plural(done.added, "review", "reviews")} imported`);
                    router.refresh();
                  } catch (err) {
                    setError((err as Error).message);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                Import {plural(report.added, "review", "reviews")}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
