import type { Metadata } from "next";
import Link from "next/link";
import { requireMembership } from "@/lib/authz";
import { Pager } from "@/components/ui/pager";
import { historyQuerySchema, listSyncRuns } from "@/lib/sync/history";
import { env } from "@/lib/server/env";
import { CaptureDownload, SyncedApp } from "@/components/reviews/synced-app";
import { listingUrlOf } from "@/lib/marketplace/listing-url";
import { listingUrlField } from "@/lib/sync/report";
import { syncableApps } from "@/lib/sync/runs";
import { plural } from "@/lib/text/words";
import { UTC_STAMP_SECONDS as WHEN } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Sync history" };

/** Marketplace pages listed before "The other N pages". */
const SOURCES_SHOWN = 5;

const TRIGGER: Record<string, string> = { MANUAL: "Sync now", CRON: "Scheduler", CLI: "Command line" };
const STATUS: Record<string, { label: string; style: string }> = {
  RUNNING: { label: "Running", style: "bg-sky-50 text-sky-800" },
  SUCCEEDED: { label: "Succeeded", style: "bg-emerald-50 text-emerald-800" },
  PARTIAL: { label: "Partly done", style: "bg-amber-50 text-amber-900" },
  FAILED: { label: "Failed", style: "bg-red-50 text-red-800" },
};

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

function duration(start: Date, end: Date | null) {
  return end ? seconds(end.getTime() - start.getTime()) : "—";
}

export default async function SyncHistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace } = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = historyQuerySchema.parse(raw);
  const [{ runs, pages, total, names, competitorNames }, apps] = await Promise.all([
    listSyncRuns(workspace.id, query),
    syncableApps(workspace.id),
  ]);
  const source = (a: (typeof apps)[number]) => (
    <li key={a.id}>
      <span className="font-medium text-slate-800">{a.name}</span> —{" "}
      <code className="text-xs break-all">{listingUrlOf(a, env().MARKETPLACE_URL)}</code>{" "}
      <Link
        href={listingUrlField(a.id)}
        className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        Change<span className="sr-only"> the Marketplace page URL of {a.name}</span>
      </Link>
    </li>
  );
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="sources-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600"
      >
        <h2 id="sources-heading" className="font-medium text-slate-900">
          What a sync reads
        </h2>
        {apps.length ? (
          <>
            <ul className="mt-2 space-y-1">{apps.slice(0, SOURCES_SHOWN).map(source)}</ul>
            {apps.length > SOURCES_SHOWN ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs font-medium text-brand-700">
                  The other {apps.length - SOURCES_SHOWN} pages
                </summary>
                <ul className="mt-1 space-y-1">{apps.slice(SOURCES_SHOWN).map(source)}</ul>
              </details>
            ) : null}
          </>
        ) : (
          <p className="mt-1">
            No published public app: a sync reads the Marketplace page of apps once they are published.
          </p>
        )}
        <p className="mt-2 text-xs">
          Also on a schedule: <code>POST /api/cron/sync</code> with <code>Authorization: Bearer $CRON_SECRET</code>
          {env().CRON_SECRET ? "" : " (not configured on this server)"}, or <code>npm run sync</code>.
        </p>
      </section>

      {query.run ? (
        <p className="text-sm">
          <Link href="/reviews/sync" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            ← All sync runs
          </Link>
        </p>
      ) : null}
      {runs.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {query.run ? "This sync run does not exist." : "No sync has run yet."}
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Sync runs">
          {runs.map((run) => {
            const status = STATUS[run.status] ?? { label: run.status, style: "bg-slate-100" };
            return (
              <li key={run.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="sync-run">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-slate-900">
                    <time dateTime={run.startedAt.toISOString()}>{WHEN.format(run.startedAt)} UTC</time>
                    <span className="text-slate-500">
                      {" "}
                      · {TRIGGER[run.trigger] ?? run.trigger}
                      {run.startedById ? ` by ${names.get(run.startedById) ?? "a former member"}` : ""} ·{" "}
                      {duration(run.startedAt, run.finishedAt)}
                    </span>
                  </p>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.style}`}>{status.label}</span>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {run.appsDone} of {plural(run.appsTotal, "listing", "listings")} · {run.added} new · {run.updated}{" "}
                  updated · {run.removed} removed
                </p>
                {run.requests ? (
                  <p className="mt-0.5 text-xs text-slate-500" data-testid="run-pace">
                    {plural(run.requests, "request", "requests")} to the Marketplace, one at a time per site
                    {run.waitedMs ? `: ${seconds(run.waitedMs)} spent waiting between them` : ""}
                  </p>
                ) : null}
                {run.apps.length ? (
                  <ul className="mt-2 space-y-2 text-xs">
                    {run.apps.map((a) => (
                      <SyncedApp key={a.id} row={a} captures={run.captures.filter((c) => c.appId === a.app.id)} />
                    ))}
                  </ul>
                ) : null}
                {run._count.apps > run.apps.length ? (
                  <p className="mt-2 text-xs">
                    <Link
                      href={`/reviews/sync?run=${encodeURIComponent(run.id)}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      All {run._count.apps} listings of this run
                      <span className="sr-only"> of {WHEN.format(run.startedAt)}</span>
                    </Link>
                    <span className="text-slate-500">
                      {" "}
                      · {run._count.apps - run.apps.length} more
                      {run.apps.at(-1)?.status === "FAILED" ? "" : ", all read"}
                    </span>
                  </p>
                ) : null}
                {!run.apps.length && run.error ? <p className="mt-2 text-xs text-slate-600">{run.error}</p> : null}
                {run.competitorsError || run.captures.some((c) => c.competitorId) ? (
                  <div className="mt-2 space-y-0.5 text-xs text-amber-900" data-testid="competitors-error">
                    <p className="font-medium">
                      {run.competitorsError
                        ? "Competitors not read (their last figures are kept):"
                        : "Competitors partly read:"}
                    </p>
                    {run.competitorsError ? (
                      <ul className="list-disc pl-4">
                        {run.competitorsError.split("\n").map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    ) : null}
                    <ul>
                      {run.captures
                        .filter((c) => c.competitorId)
                        .map((c) => (
                          <li key={c.id}>
                            <CaptureDownload
                              capture={c}
                              of={competitorNames.get(c.competitorId!) ?? "a competitor no longer followed"}
                            />
                          </li>
                        ))}
                    </ul>
                  </div>
                ) : null}
                {run.positionsError ? (
                  <div className="mt-2 text-xs text-amber-900" data-testid="positions-error">
                    <p className="font-medium">Positions not read (nothing was stored for these lists):</p>
                    <ul className="mt-0.5 list-disc pl-4">
                      {run.positionsError.split("\n").map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {query.run ? null : (
        <Pager
          page={query.page}
          pages={pages}
          href={(page) => (page === 1 ? "/reviews/sync" : `/reviews/sync?page=${page}`)}
          total={plural(total, "run", "runs")}
        />
      )}
    </div>
  );
}
