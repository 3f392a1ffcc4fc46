import Link from "next/link";
import { Download } from "lucide-react";
import { fixOf, foundLabel, readSyncReport, sourceLabel } from "@/lib/sync/report";
import { ReadSources } from "@/components/reviews/read-sources";
import { cn } from "@/components/ui/cn";

type Row = {
  id: string;
  status: string;
  url: string;
  added: number;
  updated: number;
  removed: number;
  error: string | null;
  report: string | null;
  app: { id: string; name: string };
};

/** What the Marketplace served for a read that failed or was partial, kept for a bug report. */
export type CaptureLink = { id: string; status: number; kind: string; reason: string };

export function CaptureDownload({ capture, of }: { capture: CaptureLink; of: string }) {
  return (
    <a
      href={`/api/sync/captures/${encodeURIComponent(capture.id)}`}
      download
      className="font-medium text-brand-700 underline-offset-2 hover:underline"
      data-testid="capture-download"
    >
      <Download aria-hidden className="mr-1 inline size-3.5 align-[-0.125em]" />
      Download what the Marketplace served
      <span className="font-normal text-slate-500">
        {" "}
        ({capture.kind === "API" ? "the API's answer" : "the page"}, HTTP {capture.status}, zip)
      </span>
      <span className="sr-only"> for {of}</span>
    </a>
  );
}

const TONE: Record<string, string> = {
  FAILED: "bg-red-50 text-red-900",
  PARTIAL: "bg-amber-50/60 text-slate-800 ring-1 ring-amber-200",
};

/** One app of a sync run: what came of it, what to do when it failed, and what the reader found where. */
export function SyncedApp({ row, captures = [] }: { row: Row; captures?: CaptureLink[] }) {
  const report = readSyncReport(row.report);
  const failed = row.status === "FAILED";
  const fix = failed ? fixOf(report?.problem ?? null, row.app.id) : null;
  const sources = report?.sources.filter((s) => s.found > 0 || s.read) ?? [];
  return (
    <li
      className={cn("rounded-md px-3 py-2", TONE[row.status] ?? "bg-slate-50 text-slate-700")}
      data-testid="synced-app"
    >
      <p>
        <span className="font-medium">{row.app.name}</span>
        {row.status === "PARTIAL" ? <span className="font-medium text-amber-900"> (partly read)</span> : null}:{" "}
        {failed ? (row.error ?? report?.summary) : `${row.added} new, ${row.updated} updated, ${row.removed} removed`}
        {fix ? (
          <>
            {" "}
            <Link href={fix.href} className="font-medium underline underline-offset-2 hover:text-red-700">
              {fix.label}
            </Link>
          </>
        ) : null}
      </p>
      {!failed && report ? <p className="mt-0.5 text-slate-600">{report.summary}.</p> : null}
      {report ? (
        <ReadSources
          className="mt-1"
          api={report.api}
          figures={failed ? null : report.figures}
          moved={report.moved}
          warnings={failed ? [] : report.warnings}
          followed={!failed}
        />
      ) : null}
      {captures.length ? (
        <ul className="mt-1 space-y-0.5">
          {captures.map((c) => (
            <li key={c.id}>
              <CaptureDownload capture={c} of={row.app.name} />
            </li>
          ))}
        </ul>
      ) : null}
      {report && (sources.length || report.notes.length) ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-600">Parse report</summary>
          <p className="mt-1 break-all text-slate-500">{row.url}</p>
          <ul className="mt-1 space-y-0.5">
            {sources.map((s) => (
              <li key={s.source}>
                <span className="font-medium">{sourceLabel(s.source)}</span> ({foundLabel(s.source, s.found)}):{" "}
                {s.read ?? "nothing read"}
                {s.skipped.length ? <span className="text-slate-500"> — skipped: {s.skipped.join("; ")}</span> : null}
              </li>
            ))}
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
