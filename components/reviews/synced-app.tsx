import Link from "next/link";
import { fixOf, foundLabel, readSyncReport, sourceLabel } from "@/lib/reviews/sync-report";
import { cn } from "@/lib/utils";

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

/** One app of a sync run: what came of it, what to do when it failed, and what the reader found where. */
export function SyncedApp({ row }: { row: Row }) {
  const report = readSyncReport(row.report);
  const failed = row.status === "FAILED";
  const fix = failed ? fixOf(report?.problem ?? null, row.app.id) : null;
  const sources = report?.sources.filter((s) => s.found > 0 || s.read) ?? [];
  return (
    <li
      className={cn("rounded-md px-3 py-2", failed ? "bg-red-50 text-red-900" : "bg-slate-50 text-slate-700")}
      data-testid="synced-app"
    >
      <p>
        <span className="font-medium">{row.app.name}</span>:{" "}
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
