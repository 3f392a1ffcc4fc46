import Link from "next/link";
import type { ReactNode } from "react";
import { AlertTriangle, ArrowDown, ArrowUp, Star } from "lucide-react";
import { AppIcon, ReadinessBar } from "@/components/apps/app-card";
import { Sparkline } from "@/components/charts/sparkline";
import { cn } from "@/components/ui/cn";
import { deltaText, displayValue } from "@/lib/analytics/format";
import type { Change } from "@/lib/analytics/metrics";
import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { APP_TYPE_LABELS, appHome, hasFeature } from "@/lib/app-types";
import type { AppFigures, WorkspaceTotals } from "@/lib/home/types";
import { plural } from "@/lib/text/words";

function ChangeLine({ value, goodWhenUp = true }: { value: Change; goodWhenUp?: boolean }) {
  const up = value.delta !== null && value.delta > 0;
  const down = value.delta !== null && value.delta < 0;
  const good = (up && goodWhenUp) || (down && !goodWhenUp);
  return (
    <p
      className={cn(
        "text-xs tabular-nums",
        up || down ? (good ? "text-emerald-700" : "text-red-700") : "text-slate-500",
      )}
    >
      {deltaText(value.delta, value.pct, "int")} <span className="text-slate-500">vs 30 days before</span>
    </p>
  );
}

/** A figure that opens the page explaining it. */
function Figure({
  id,
  label,
  href,
  value,
  children,
}: {
  id: string;
  label: string;
  href: string;
  value: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Link
      href={href}
      data-testid={`figure-${id}`}
      className="block min-w-0 rounded-lg px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <span className="block text-xs font-medium text-slate-600">{label}</span>
      <span className="block text-xl font-semibold text-slate-900 tabular-nums" data-testid={`figure-${id}-value`}>
        {value}
      </span>
      {children}
    </Link>
  );
}

/** A position's move since the read before: up is good. */
function PositionMove({ move }: { move: number | null }) {
  const direction = move === null || move === 0 ? null : move > 0 ? "up" : "down";
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 text-xs",
        direction === "up" ? "text-emerald-700" : direction === "down" ? "text-red-700" : "text-slate-500",
      )}
      data-testid="figure-position-move"
    >
      {direction === "up" ? <ArrowUp aria-hidden className="size-3" /> : null}
      {direction === "down" ? <ArrowDown aria-hidden className="size-3" /> : null}
      {move === null ? "new in this list" : direction === null ? "no move" : `${direction} ${Math.abs(move)}`}
    </span>
  );
}

export function AppFiguresCard({ figures: f }: { figures: AppFigures }) {
  const { app } = f;
  const analytics = `/analytics?app=${app.id}&range=30d`;
  return (
    <li data-testid="app-card" data-app={app.name} className="rounded-xl border border-slate-200 bg-white">
      <div className="flex items-start gap-3 border-b border-slate-100 px-4 py-3">
        <AppIcon app={app} />
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold text-slate-900">
            <Link
              href={appHome(app)}
              className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {app.name}
            </Link>
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {APP_TYPE_LABELS[app.type]} · {app.archived ? "Archived" : (APP_STATUS_LABELS[app.status] ?? app.status)}
          </p>
          {app.summary ? <p className="mt-1 line-clamp-1 text-sm text-slate-700">{app.summary}</p> : null}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-1 p-2 md:grid-cols-3 xl:grid-cols-6">
        <Figure
          id="installs"
          label="Installs, 30 days"
          href={analytics}
          value={displayValue(f.installs.current, "int")}
        >
          <ChangeLine value={f.installs} />
          {f.daily.some((n) => n > 0) ? (
            <Sparkline
              values={f.daily}
              min={0}
              max={Math.max(1, ...f.daily)}
              className="mt-1 h-7 max-w-32"
              // The figure above says it; the line only shows its shape.
              label={null}
            />
          ) : null}
        </Figure>
        <Figure
          id="uninstalls"
          label="Uninstalls, 30 days"
          href={analytics}
          value={displayValue(f.uninstalls.current, "int")}
        >
          <ChangeLine value={f.uninstalls} goodWhenUp={false} />
        </Figure>
        <Figure
          id="active"
          label="Active installs"
          href={`/apps/${app.id}/installs`}
          value={f.active.toLocaleString("en-US")}
        />
        {f.rating ? (
          <Figure
            id="rating"
            label="Rating"
            href={`/reviews?app=${app.id}`}
            value={
              f.rating.average === null ? (
                "—"
              ) : (
                <span className="inline-flex items-center gap-1">
                  {f.rating.average.toFixed(1)}
                  <Star aria-hidden className="size-4 fill-amber-400 text-amber-400" />
                </span>
              )
            }
          >
            <span className="block text-xs text-slate-600" data-testid="figure-reviews">
              {f.rating.reviewCount === null
                ? "reviews not read yet"
                : plural(f.rating.reviewCount, "review", "reviews")}
            </span>
            {f.rating.newSinceVisit > 0 ? (
              <span className="block text-xs font-medium text-brand-700" data-testid="figure-new-reviews">
                {f.rating.newSinceVisit} new since your last visit
              </span>
            ) : null}
          </Figure>
        ) : null}
        {f.rating ? (
          <Figure
            id="position"
            label="Best position"
            href={`/apps/${app.id}/positions`}
            value={f.position ? `#${f.position.rank}` : "—"}
          >
            <span className="block truncate text-xs text-slate-600">
              {f.position ? `in ${f.position.list}` : "Not read yet"}
            </span>
            {f.position ? <PositionMove move={f.position.move} /> : null}
          </Figure>
        ) : null}
        {f.review ? (
          <Figure
            id="review-clock"
            label="Pipedrive's review"
            href={`/apps/${app.id}/submission`}
            value={`Day ${f.review.elapsed}`}
          >
            <span
              className={cn("block text-xs", f.review.elapsed > f.review.window ? "text-red-700" : "text-slate-600")}
            >
              of {f.review.window} business days
            </span>
          </Figure>
        ) : f.readiness !== null ? (
          <Figure
            id="readiness"
            label={hasFeature(app.type, "marketplace") ? "Listing readiness" : "Setup readiness"}
            href={`/apps/${app.id}/listing`}
            value={`${f.readiness}%`}
          >
            <span className="mt-1 block">
              <ReadinessBar value={f.readiness} />
            </span>
          </Figure>
        ) : null}
        {!f.rating ? (
          <p className="col-span-2 px-3 py-2 text-xs text-slate-500 md:col-span-1">
            {app.type === "API_TOKEN"
              ? "Installs are tracked through the events API. A rating and positions exist only for a Marketplace page."
              : hasFeature(app.type, "marketplace")
                ? "Rating, reviews and positions appear once the app is on the Marketplace."
                : "A private app has no Marketplace page: no rating, reviews or positions."}
          </p>
        ) : null}
      </div>
      {f.attention.length > 0 ? (
        <ul className="space-y-1 border-t border-slate-100 px-4 py-2" aria-label={`${app.name}: needs someone`}>
          {f.attention.map((a) => (
            <li key={a.key} data-testid="attention">
              <Link href={a.href} className="inline-flex items-start gap-1.5 text-sm text-amber-900 hover:underline">
                <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
                {a.text}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The workspace's apps together, above the apps. */
export function WorkspaceTotalsBar({ totals }: { totals: WorkspaceTotals }) {
  const tiles: { id: string; label: string; href: string; value: string; sub: ReactNode }[] = [
    {
      id: "installs",
      label: "Installs, 30 days",
      href: "/analytics?range=30d",
      value: displayValue(totals.installs.current, "int"),
      sub: <ChangeLine value={totals.installs} />,
    },
    {
      id: "uninstalls",
      label: "Uninstalls, 30 days",
      href: "/analytics?range=30d",
      value: displayValue(totals.uninstalls.current, "int"),
      sub: <ChangeLine value={totals.uninstalls} goodWhenUp={false} />,
    },
    {
      id: "active",
      label: "Active installs",
      href: "/analytics?range=30d",
      value: totals.active.toLocaleString("en-US"),
      sub: <span className="text-xs text-slate-500">across your apps</span>,
    },
    {
      id: "rating",
      label: "Rating",
      href: "/reviews",
      value: totals.rating === null ? "—" : totals.rating.toFixed(1),
      sub: <span className="text-xs text-slate-500">{plural(totals.reviews, "review", "reviews")}</span>,
    },
    {
      id: "new-reviews",
      label: "New reviews",
      href: "/reviews",
      value: totals.newReviews.toLocaleString("en-US"),
      sub: <span className="text-xs text-slate-500">since your last visit</span>,
    },
    {
      id: "attention",
      label: "Needs someone",
      href: "#apps",
      value: totals.attention.toLocaleString("en-US"),
      sub: (
        <span className="text-xs text-slate-500">{totals.attention ? "listed under the apps" : "nothing waits"}</span>
      ),
    },
  ];
  return (
    <section aria-label="Your apps together" className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {tiles.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          data-testid={`total-${t.id}`}
          className="block rounded-xl border border-slate-200 bg-white p-3 hover:shadow-sm"
        >
          <span className="block text-xs font-medium text-slate-600">{t.label}</span>
          <span
            className="block text-2xl font-semibold text-slate-900 tabular-nums"
            data-testid={`total-${t.id}-value`}
          >
            {t.value}
          </span>
          {t.sub}
        </Link>
      ))}
    </section>
  );
}
