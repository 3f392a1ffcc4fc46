import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import Link from "next/link";
import { Swords } from "lucide-react";
import { ChartCard } from "@/components/analytics/chart-card";
import { AddCompetitor, CompetitorSuggestions } from "@/components/competitors/add-competitor";
import { competitorSuggestions } from "@/lib/competitors/suggestions";
import { CompetitorFeed, CompetitorTable, ListingChangeLog } from "@/components/competitors/competitors";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadApp } from "@/lib/apps/load";
import { COMPARE_RANGES, competitorsView, type CompareRange } from "@/lib/competitors/view";
import { env } from "@/lib/server/env";
import { can } from "@/lib/team/permissions";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Competitors" };

type Props = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CompetitorsPage({ params, searchParams }: Props) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "marketplace"))
    return <NotForType app={app} feature="marketplace" icon={Swords} title="Competitors are for public apps" />;
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const range = one(query.range);
  const [view, suggestions] = await Promise.all([
    competitorsView(member, app.id, range),
    competitorSuggestions(member, app.id),
  ]);
  // A link from an alert shows that competitor's changes.
  const focus = view.competitors.find((c) => c.id === one(query.competitor)) ?? null;
  const canEdit = can(member, "competitor.add");
  // The shape of an address, not a made-up one that would answer "no public page".
  const example = `${new URL(env().MARKETPLACE_URL).origin}/en/marketplace/app/<app-name>/<client-id>`;
  const file = (name: string) => `${name}-${app.name}-${view.range.from}-${view.range.to}`;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Public Marketplace apps followed beside {app.name}: their rating, reviews, install band, votes and positions,
        read on every sync. Their figures are kept apart from yours everywhere.
      </p>
      {canEdit ? <AddCompetitor appId={app.id} example={example} following={view.competitors.length} /> : null}
      <CompetitorSuggestions appId={app.id} suggestions={suggestions} canEdit={canEdit} />
      {view.competitors.length === 0 ? (
        <EmptyState icon={Swords} title="No competitor yet">
          {canEdit
            ? "Paste the Marketplace address of an app in the same categories to compare with it."
            : "An editor can add competitors to compare this app with."}
        </EmptyState>
      ) : (
        <>
          <CompetitorTable appId={app.id} self={view.self} competitors={view.competitors} canEdit={canEdit} />
          <nav aria-label="Range" className="flex gap-1">
            {(Object.keys(COMPARE_RANGES) as CompareRange[]).map((key) => (
              <Link
                key={key}
                href={key === "12m" ? "?" : `?range=${key}`}
                aria-current={view.key === key ? "page" : undefined}
                className={cn(buttonVariants({ variant: view.key === key ? "secondary" : "ghost", size: "sm" }))}
              >
                {COMPARE_RANGES[key].label}
              </Link>
            ))}
          </nav>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <ChartCard
              id="compare-rating"
              title="Rating compared"
              definition={`The Marketplace rating of ${app.name} and of each competitor, as last read in each ${view.bucket}.`}
              kind="line"
              filename={file("rating-compared")}
              {...view.charts.rating}
            />
            <ChartCard
              id="compare-reviews"
              title={`Reviews per ${view.bucket}`}
              definition={`Reviews posted in each ${view.bucket}, by the date each review shows.`}
              kind="bar"
              filename={file("reviews-compared")}
              {...view.charts.reviews}
            />
            <ChartCard
              id="compare-rank"
              title="Position in Top rated"
              definition={`The position in the Top rated collection (1 is the top), as last read in each ${view.bucket}.`}
              kind="line"
              filename={file("top-rated-compared")}
              {...view.charts.rank}
            />
          </div>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <ListingChangeLog
              changes={focus ? view.changes.filter((c) => c.competitorId === focus.id) : view.changes}
              competitor={focus ? { name: focus.name, clearHref: range ? `?range=${range}` : "?" } : null}
            />
            <CompetitorFeed feed={view.feed} />
          </div>
        </>
      )}
    </div>
  );
}
