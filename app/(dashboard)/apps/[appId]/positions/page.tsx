import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import Link from "next/link";
import { Trophy } from "lucide-react";
import { ChartCard } from "@/components/analytics/chart-card";
import { PositionCards, RankEvents } from "@/components/positions/positions";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadApp } from "@/lib/apps/load";
import { POSITION_RANGES, positionsView, type PositionRange } from "@/lib/positions/history";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Positions" };

type Props = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PositionsPage({ params, searchParams }: Props) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "marketplace"))
    return <NotForType app={app} feature="marketplace" icon={Trophy} title="Positions are for public apps" />;
  const range = (await searchParams).range;
  const view = await positionsView(member, app.id, Array.isArray(range) ? range[0] : range);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Where {app.name} stands in the Marketplace&apos;s collections and in its categories, as each sync reads them.
        </p>
        <nav aria-label="Range" className="flex gap-1">
          {(Object.keys(POSITION_RANGES) as PositionRange[]).map((key) => (
            <Link
              key={key}
              href={key === "90d" ? "?" : `?range=${key}`}
              aria-current={view.key === key ? "page" : undefined}
              className={cn(buttonVariants({ variant: view.key === key ? "secondary" : "ghost", size: "sm" }))}
            >
              {POSITION_RANGES[key].label}
            </Link>
          ))}
        </nav>
      </div>
      {view.lists.length === 0 && app.status !== "PUBLISHED" ? (
        <EmptyState
          icon={Trophy}
          title="No positions before publication"
          action={
            <Link href={`/apps/${app.id}/submission`} className={buttonVariants({ variant: "secondary" })}>
              Open the submission
            </Link>
          }
        >
          An app has a place in the Marketplace&apos;s collections and categories once Pipedrive publishes it. From then
          on, each sync reads the Top rated, Trending and App extensions collections and the listing&apos;s categories,
          and records where the app stands.
        </EmptyState>
      ) : view.lists.length === 0 ? (
        <EmptyState
          icon={Trophy}
          title="No positions yet"
          action={
            <Link href="/reviews/sync" className={buttonVariants({ variant: "secondary" })}>
              Open sync history
            </Link>
          }
        >
          Each sync of a published app reads the Top rated, Trending and App extensions collections and the
          listing&apos;s categories, and records where the app stands. Run a sync to record the first positions.
        </EmptyState>
      ) : (
        <>
          <PositionCards lists={view.lists} />
          <ChartCard
            id="positions"
            title="Positions over time"
            definition={`The app's position in each list (1 is the top of the list), on the last day read in each ${view.bucket}. A gap: the list was not read, or the app was not in it.`}
            kind="line"
            rows={view.chart.rows}
            series={view.chart.series}
            filename={`positions-${app.name}-${view.range.from}-${view.range.to}`}
          />
          <RankEvents events={view.events} />
        </>
      )}
    </div>
  );
}
