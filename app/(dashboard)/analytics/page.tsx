import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3 } from "lucide-react";
import { ChartCard } from "@/components/analytics/chart-card";
import { CHART_PALETTE, type ChartRow } from "@/lib/analytics/format";
import { appPositions, positionChart } from "@/lib/positions/history";
import { CohortTable } from "@/components/analytics/cohorts";
import { AnalyticsControls } from "@/components/analytics/controls";
import { Funnel } from "@/components/analytics/funnel";
import { appType, hasFeature, type AppFeature } from "@/lib/app-types";
import { Kpi } from "@/components/analytics/kpi";
import { MonthOverview } from "@/components/analytics/month-overview";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { offerSwitchOrNotFound } from "@/lib/apps/load";
import { requireMembership } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { DEFINITIONS } from "@/lib/analytics/definitions";
import { bucketLabel } from "@/lib/analytics/format";
import { loadAnalytics, monthOverview } from "@/lib/analytics/load";
import { analyticsQuerySchema, COMPARE_FIGURES, MARKETPLACE_FIGURES, type AnalyticsQuery } from "@/lib/analytics/query";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/text/words";
import { CustomerFiguresPanel } from "@/components/customers/customer-figures";
import { customerFigures } from "@/lib/customers/figures";

export const metadata: Metadata = { title: "Analytics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLORS = {
  installs: "#017737",
  uninstalls: "#e03131",
  active: "#1c7ed6",
  net: "#5f3dc4",
  rate: "#f08c00",
  rating: "#f59f00",
  views: "#0c8599",
};

export default async function AnalyticsPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = analyticsQuerySchema.parse(raw);
  const data = await loadAnalytics(member, query).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return offerSwitchOrNotFound(member, query.app);
    throw error;
  });
  if (data.apps.length === 0) {
    return (
      <>
        <PageHeader title="Analytics" description="Installs, uninstalls, churn and ratings across your apps." />
        <EmptyState
          icon={BarChart3}
          title="No app yet"
          action={
            <Link href="/apps/new" className={buttonVariants({ variant: "secondary" })}>
              New app
            </Link>
          }
        >
          Figures appear once an app sends its installs through Listing Studio&apos;s install gateway or the events API.
        </EmptyState>
      </>
    );
  }
  const overview = data.app ? null : await monthOverview(member);
  // One app shows only what its type has: an OAuth consent funnel, share links, ratings and positions.
  const type = data.app ? appType(data.app.type) : null;
  const has = (feature: AppFeature) => type === null || hasFeature(type, feature);
  // An app's positions in the Marketplace's lists, over the same range and buckets (public apps only).
  const positions =
    data.app && hasFeature(appType(data.app.type), "marketplace")
      ? await appPositions(member, data.app.id, { from: data.range.from, to: data.range.to })
      : null;
  const label = (key: string) => bucketLabel(key, data.bucket, data.range);
  const rows = (pick: (k: number) => Record<string, number | null>): ChartRow[] =>
    data.series.map((p, k) => ({ label: label(p.key), ...pick(k) }));
  const installs = rows((k) => ({ installs: data.series[k]!.installs, uninstalls: data.series[k]!.uninstalls }));
  const file = (name: string) =>
    `${name}-${data.app ? data.app.name.toLowerCase().replace(/[^a-z0-9]+/g, "-") : "all-apps"}-${data.range.from}-${data.range.to}`;
  const k = data.kpis;
  const figure = query.compare;
  // Rating and reviews are compared among the apps that have a Marketplace page.
  const compared = MARKETPLACE_FIGURES.has(figure) ? data.compare.filter((a) => a.ratings) : data.compare;
  const compareValue = (a: (typeof compared)[number], i: number) =>
    figure === "rating" || figure === "reviewCount"
      ? (a.ratings?.[i]?.[figure === "rating" ? "average" : "reviewCount"] ?? null)
      : figure === "active"
        ? a.series[i]!.activeEnd
        : a.series[i]![figure];
  const compareRows: ChartRow[] = data.series.map((p, i) => ({
    label: label(p.key),
    ...Object.fromEntries(compared.map((a) => [a.id, compareValue(a, i)])),
  }));
  const viewWith = (change: Partial<AnalyticsQuery>) =>
    `/analytics?${new URLSearchParams(Object.entries({ ...raw, ...change }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""))}`;

  return (
    <>
      <PageHeader
        title="Analytics"
        description={`${data.app ? data.app.name : "All apps"} · ${data.range.from} to ${data.range.to} (${plural(data.range.days, "day", "days")}) against the ${plural(data.range.days, "day", "days")} before · days in ${data.timeZone}`}
      />
      <div className="space-y-6">
        <AnalyticsControls
          apps={data.apps}
          today={data.today}
          state={{
            app: query.app,
            compare: query.compare === "installs" ? "" : query.compare,
            range: data.range.preset,
            from: data.range.preset === "custom" ? data.range.from : "",
            to: data.range.preset === "custom" ? data.range.to : "",
            bucket: data.bucket,
          }}
        />
        {overview ? <MonthOverview overview={overview} /> : null}
        {data.compare.length > 0 ? (
          <ChartCard
            id="compare"
            title={`Apps compared: ${COMPARE_FIGURES[figure].toLowerCase()}`}
            definition={`${DEFINITIONS[figure]} One line per app${MARKETPLACE_FIGURES.has(figure) ? " with a Marketplace page" : ""}.`}
            kind="line"
            rows={compareRows}
            filename={file(`compare-${figure}`)}
            series={compared.map((a) => ({
              key: a.id,
              label: a.name,
              // Each app keeps its color whichever figure is compared.
              color: CHART_PALETTE[data.compare.indexOf(a) % CHART_PALETTE.length]!,
              format: figure === "rating" ? "rating" : "int",
            }))}
            choices={
              <nav aria-label="Figure to compare" className="mt-2 flex flex-wrap gap-1">
                {(Object.keys(COMPARE_FIGURES) as (keyof typeof COMPARE_FIGURES)[]).map((f) => (
                  <a
                    key={f}
                    href={viewWith({ compare: f })}
                    aria-current={f === figure ? "true" : undefined}
                    className={cn(
                      "rounded-md px-2.5 py-1 text-xs font-medium",
                      f === figure
                        ? "bg-slate-800 text-white"
                        : "text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50",
                    )}
                  >
                    {COMPARE_FIGURES[f]}
                  </a>
                ))}
              </nav>
            }
          />
        ) : null}

        <section aria-label="Figures of the period" className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Kpi id="installs" label="Installs" value={k.installs} format="int" definition={DEFINITIONS.installs} />
          <Kpi
            id="uninstalls"
            label="Uninstalls"
            value={k.uninstalls}
            format="int"
            definition={DEFINITIONS.uninstalls}
            goodWhenUp={false}
          />
          <Kpi id="net" label="Net growth" value={k.net} format="int" definition={DEFINITIONS.net} />
          <Kpi id="active" label="Active installs" value={k.active} format="int" definition={DEFINITIONS.active} />
          <Kpi
            id="churn"
            label="Churn rate"
            value={k.churnRate}
            format="pct"
            definition={DEFINITIONS.churnRate}
            goodWhenUp={false}
          />
          {has("oauth") ? (
            <Kpi
              id="denied"
              label="Consent denied"
              value={k.deniedRate}
              format="pct"
              definition={DEFINITIONS.deniedRate}
              goodWhenUp={false}
            />
          ) : null}
          {has("marketplace") ? (
            <Kpi id="rating" label="Rating" value={k.rating} format="rating" definition={DEFINITIONS.rating} />
          ) : null}
          {has("listing") ? (
            <Kpi id="views" label="Share-link views" value={k.views} format="int" definition={DEFINITIONS.views} />
          ) : null}
        </section>

        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <ChartCard
            id="installs"
            title="Installs and uninstalls"
            definition={`${DEFINITIONS.installs} ${DEFINITIONS.uninstalls}`}
            kind="bar"
            rows={installs}
            filename={file("installs")}
            series={[
              { key: "installs", label: "Installs", color: COLORS.installs, format: "int" },
              { key: "uninstalls", label: "Uninstalls", color: COLORS.uninstalls, format: "int" },
            ]}
          />
          <ChartCard
            id="active"
            title="Active installs"
            definition={DEFINITIONS.active}
            kind="line"
            rows={rows((i) => ({ active: data.series[i]!.activeEnd }))}
            filename={file("active")}
            series={[{ key: "active", label: "Active at end", color: COLORS.active, format: "int" }]}
          />
          <ChartCard
            id="net"
            title="Net growth"
            definition={DEFINITIONS.net}
            kind="bar"
            rows={rows((i) => ({ net: data.series[i]!.net }))}
            filename={file("net-growth")}
            series={[{ key: "net", label: "Net growth", color: COLORS.net, format: "int" }]}
          />
          <ChartCard
            id="churn"
            title="Churn rate"
            definition={DEFINITIONS.churnRate}
            kind="line"
            rows={rows((i) => ({ churn: data.series[i]!.churnRate }))}
            filename={file("churn")}
            series={[{ key: "churn", label: "Churn rate", color: COLORS.uninstalls, format: "pct" }]}
          />
          {has("oauth") ? (
            <ChartCard
              id="denied"
              title="Consent-denied rate"
              definition={DEFINITIONS.deniedRate}
              kind="line"
              rows={rows((i) => ({ denied: data.series[i]!.deniedRate }))}
              filename={file("consent-denied")}
              series={[{ key: "denied", label: "Consent denied", color: COLORS.rate, format: "pct" }]}
            />
          ) : null}
          {has("listing") ? (
            <ChartCard
              id="views"
              title="Share-link views"
              definition={DEFINITIONS.views}
              kind="bar"
              rows={data.views.map((v) => ({ label: label(v.key), views: v.count }))}
              filename={file("share-views")}
              series={[{ key: "views", label: "Views", color: COLORS.views, format: "int" }]}
            />
          ) : null}
          {has("marketplace") ? (
            <ChartCard
              id="rating"
              title="Rating average"
              definition={DEFINITIONS.rating}
              kind="line"
              rows={data.ratings.map((r) => ({ label: label(r.key), rating: r.average }))}
              filename={file("rating")}
              series={[{ key: "rating", label: "Average rating", color: COLORS.rating, format: "rating" }]}
            />
          ) : null}
          {positions && positions.lists.length > 0 ? (
            <ChartCard
              id="positions"
              title="Marketplace positions"
              definition="The app's position in each Marketplace collection and category (1 is the top of the list), on the last day read in each period."
              kind="line"
              filename={file("positions")}
              {...positionChart(positions.lists, { from: data.range.from, to: data.range.to }, data.bucket)}
            />
          ) : null}
          {has("marketplace") ? (
            <ChartCard
              id="reviews"
              title="Review count"
              definition={DEFINITIONS.reviewCount}
              kind="line"
              rows={data.ratings.map((r) => ({ label: label(r.key), reviews: r.reviewCount }))}
              filename={file("review-count")}
              series={[{ key: "reviews", label: "Reviews", color: COLORS.net, format: "int" }]}
            />
          ) : null}
        </div>

        {has("oauth") || has("marketplace") ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {has("oauth") ? <Funnel funnel={data.funnel} /> : null}
            {has("marketplace") ? (
              <ChartCard
                id="stars"
                title="Star distribution"
                definition={DEFINITIONS.stars}
                kind="bar"
                rows={([5, 4, 3, 2, 1] as const).map((n) => ({
                  label: plural(n, "star", "stars"),
                  reviews: data.stars[n],
                }))}
                filename={file("stars")}
                series={[{ key: "reviews", label: "Reviews", color: COLORS.rating, format: "int" }]}
              />
            ) : null}
          </div>
        ) : null}
        <CohortTable cohorts={data.cohorts} />
        <section aria-labelledby="analytics-customers" className="space-y-2">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="analytics-customers" className="text-base font-semibold text-slate-900">
              Customers
            </h2>
            <Link
              href={data.app ? `/apps/${data.app.id}/customers` : "/customers"}
              className="text-sm text-brand-700 hover:underline"
            >
              Every customer
            </Link>
          </div>
          <CustomerFiguresPanel
            figures={await customerFigures(member, { app: data.app?.id ?? "", days: data.range.days })}
            period={`last ${plural(data.range.days, "day", "days")}`}
          />
        </section>
      </div>
    </>
  );
}
