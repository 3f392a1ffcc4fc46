import Link from "next/link";
import { Star } from "lucide-react";
import type { RatingSummary } from "@/lib/sync/types";
import { Sparkline } from "@/components/charts/sparkline";
import { plural } from "@/lib/text/words";
import { UTC_TIME as WHEN } from "@/lib/text/dates";

/** A line of the daily averages (1 to 5 stars), drawn on the server. */
function RatingTrend({ series, label }: { series: RatingSummary["series"]; label: string }) {
  if (series.length < 2) return <p className="text-xs text-slate-500">Not enough history for a trend yet.</p>;
  const values = series.map((s) => s.average);
  return (
    <Sparkline
      values={values}
      label={label}
      min={Math.max(1, Math.min(...values) - 0.2)}
      max={Math.min(5, Math.max(...values) + 0.2)}
    />
  );
}

/**
 * One card per app on the Marketplace (or ever read): the first few — failed syncs first — and a
 * link to all of them (`toggle`) when there are more.
 */
export function RatingCards({
  summaries,
  total,
  toggle,
}: {
  summaries: RatingSummary[];
  total: number;
  toggle: { href: string; all: boolean };
}) {
  if (summaries.length === 0) return null;
  return (
    <section aria-labelledby="ratings-heading">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id="ratings-heading" className="text-sm font-medium text-slate-600">
          Ratings{total > summaries.length ? ` · ${summaries.length} of ${total} apps, failed syncs first` : ""}
        </h2>
        {total > summaries.length || toggle.all ? (
          <Link
            href={toggle.href}
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            data-testid="ratings-toggle"
          >
            {toggle.all ? "Show fewer" : `Show all ${total}`}
          </Link>
        ) : null}
      </div>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        {summaries.map((s) => {
          const change =
            s.latest?.average != null && s.weekAgo != null
              ? Math.round((s.latest.average - s.weekAgo) * 100) / 100
              : null;
          const total = Object.values(s.stars).reduce((a, b) => a + b, 0);
          return (
            <li key={s.app.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="rating-card">
              <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-0.5">
                <h3 className="max-w-full min-w-0 truncate font-medium text-slate-900">{s.app.name}</h3>
                {s.lastSync ? (
                  <span
                    className={
                      s.lastSync.status === "FAILED" ? "text-xs font-medium text-red-700" : "text-xs text-slate-500"
                    }
                    title={s.lastSync.error ?? undefined}
                    suppressHydrationWarning
                  >
                    {s.lastSync.status === "FAILED" ? "Last sync failed" : "Synced"}{" "}
                    {WHEN.format(new Date(s.lastSync.at))} UTC
                  </span>
                ) : (
                  <span className="text-xs text-slate-500">
                    {s.app.status === "PUBLISHED" ? "Not synced yet" : "Not published"}
                  </span>
                )}
              </div>
              {s.lastSync?.status === "FAILED" ? (
                <div className="mt-2 rounded-md bg-red-50 px-2.5 py-2 text-xs text-red-900" data-testid="sync-failure">
                  <p className="line-clamp-3">{s.lastSync.error}</p>
                  {s.lastSync.fix ? (
                    <Link
                      href={s.lastSync.fix.href}
                      className="mt-1 inline-block font-medium underline underline-offset-2 hover:text-red-700"
                    >
                      {s.lastSync.fix.label}
                    </Link>
                  ) : null}
                </div>
              ) : null}
              {s.lastSync?.warnings.length ? (
                <ul
                  className="mt-2 space-y-1 rounded-md bg-amber-50 px-2.5 py-2 text-xs text-amber-900"
                  data-testid="sync-warning"
                >
                  {s.lastSync.warnings.map((w) => (
                    <li key={w}>
                      {w}{" "}
                      <Link href="/reviews/sync" className="font-medium underline underline-offset-2">
                        Sync history
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.latest ? (
                <>
                  <p className="mt-2 flex items-baseline gap-2">
                    <Star aria-hidden className="size-5 self-center fill-amber-400 text-amber-400" />
                    <span className="text-2xl font-bold text-slate-900" data-testid="rating-average">
                      {s.latest.average?.toFixed(1) ?? "—"}
                    </span>
                    <span className="text-sm text-slate-600">
                      {s.latest.reviewCount === null
                        ? "count not read"
                        : plural(s.latest.reviewCount, "review", "reviews")}
                      {s.latest.installBand ? ` · ${s.latest.installBand} installs` : ""}
                      {s.latest.votesUp !== null || s.latest.votesDown !== null
                        ? ` · votes ${s.latest.votesUp ?? "?"} up, ${s.latest.votesDown ?? "?"} down`
                        : ""}
                    </span>
                  </p>
                  <p
                    className={`text-xs ${change === null || change === 0 ? "text-slate-500" : change > 0 ? "text-emerald-700" : "text-red-700"}`}
                  >
                    {change === null
                      ? "No rating from 7 days earlier"
                      : `${change > 0 ? "+" : ""}${change.toFixed(2)} over 7 days`}
                  </p>
                  <div className="mt-2">
                    <RatingTrend
                      series={s.series}
                      label={`Average rating of ${s.app.name} over the last 90 days, from ${s.series[0]?.average.toFixed(1)} to ${s.series.at(-1)?.average.toFixed(1)}`}
                    />
                  </div>
                  {total > 0 ? (
                    <dl className="mt-2 space-y-0.5" aria-label={`Star distribution of ${s.app.name}`}>
                      {([5, 4, 3, 2, 1] as const).map((n) => (
                        <div key={n} className="flex items-center gap-2 text-xs text-slate-600">
                          <dt className="w-6 tabular-nums">{n}★</dt>
                          <dd className="flex flex-1 items-center gap-2">
                            <span className="h-1.5 flex-1 rounded bg-slate-100">
                              <span
                                className="block h-1.5 rounded bg-amber-400"
                                style={{ width: `${(s.stars[n] / total) * 100}%` }}
                              />
                            </span>
                            <span className="w-8 text-right tabular-nums">{s.stars[n]}</span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </>
              ) : (
                <p className="mt-2 text-sm text-slate-600">No rating read yet.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
