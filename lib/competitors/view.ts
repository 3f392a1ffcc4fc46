import "server-only";
import { bucketLabel, CHART_PALETTE, type ChartRow, type ChartSeries } from "@/lib/analytics/format";
import { bucketsOf, type BucketSize } from "@/lib/analytics/time";
import { workspaceTimeZone } from "@/lib/analytics/timezone";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { addDays, localDay } from "@/lib/days";
import { appInWorkspace } from "@/lib/scope";

/** How far back the comparison reaches, and the bucket of each point. */
export const COMPARE_RANGES = {
  "90d": { label: "90 days", days: 90, bucket: "week" },
  "12m": { label: "12 months", days: 365, bucket: "month" },
  "24m": { label: "2 years", days: 730, bucket: "month" },
} as const satisfies Record<string, { label: string; days: number; bucket: BucketSize }>;
export type CompareRange = keyof typeof COMPARE_RANGES;

export type CompetitorSummary = {
  id: string;
  name: string;
  url: string;
  removed: boolean;
  lastError: string | null;
  average: number | null;
  reviewCount: number | null;
  installBand: string | null;
  votes: { up: number | null; down: number | null } | null;
  topRated: number | null;
};

type Line = { key: string; label: string; points: { day: string; value: number | null }[] };

/** One row per bucket, one column per line: the last value read in the bucket (or the sum, for counts). */
function chart(
  lines: Line[],
  range: { from: string; to: string },
  bucket: BucketSize,
  format: ChartSeries["format"],
  sum = false,
) {
  const series: ChartSeries[] = lines.map((l, i) => ({
    key: l.key,
    label: l.label,
    color: CHART_PALETTE[i % CHART_PALETTE.length]!,
    format,
  }));
  const rows: ChartRow[] = bucketsOf(range.from, range.to, bucket).map((b) => {
    const row: ChartRow = { label: bucketLabel(b.key, bucket) };
    for (const l of lines) {
      const inBucket = l.points.filter((p) => p.day >= b.from && p.day <= b.to && p.value !== null);
      row[l.key] = sum ? inBucket.reduce((s, p) => s + (p.value ?? 0), 0) : (inBucket.at(-1)?.value ?? null);
    }
    return row;
  });
  return { rows, series };
}

const dayOf = (d: Date, tz: string) => localDay(d, tz);

/**
 * An app beside the competitors it follows: each competitor's latest figures, the comparison charts
 * (rating, reviews per bucket, position in Top rated) and the feed of their new reviews. The app's own
 * figures come from its tables and the competitors' from theirs: nothing is mixed into the app's data.
 */
export async function competitorsView(member: Member, appId: string, rangeKey: unknown, now = new Date()) {
  const app = await appInWorkspace(member, appId);
  const key: CompareRange =
    typeof rangeKey === "string" && rangeKey in COMPARE_RANGES ? (rangeKey as CompareRange) : "12m";
  const { days, bucket } = COMPARE_RANGES[key];
  const tz = await workspaceTimeZone(member);
  const today = localDay(now, tz);
  const range = { from: addDays(today, -(days - 1)), to: today };
  const since = new Date(Date.parse(`${range.from}T00:00:00Z`) - 86_400_000);

  const competitors = await db.competitor.findMany({ where: { appId: app.id }, orderBy: { createdAt: "asc" } });
  const ids = competitors.map((c) => c.id);
  const [mine, theirs, myReviews, theirReviews, ranks, feed] = await Promise.all([
    db.ratingSnapshot.findMany({
      where: { appId: app.id, takenAt: { gte: since } },
      orderBy: { takenAt: "asc" },
      select: { takenAt: true, average: true, reviewCount: true },
    }),
    db.competitorSnapshot.findMany({ where: { competitorId: { in: ids } }, orderBy: { day: "asc" } }),
    db.review.findMany({ where: { appId: app.id, reviewedAt: { gte: since } }, select: { reviewedAt: true } }),
    db.competitorReview.findMany({
      where: { competitorId: { in: ids }, reviewedAt: { gte: since } },
      select: { competitorId: true, reviewedAt: true },
    }),
    db.rankSnapshot.findMany({
      where: {
        listKind: "COLLECTION",
        listKey: "top-rated",
        day: { gte: range.from },
        OR: [{ appId: app.id }, { competitorId: { in: ids } }],
      },
      orderBy: { day: "asc" },
      select: { appId: true, competitorId: true, day: true, rank: true },
    }),
    db.competitorReview.findMany({
      where: { competitorId: { in: ids }, firstSeenAt: { not: null } },
      orderBy: [{ firstSeenAt: "desc" }, { reviewedAt: "desc" }],
      take: 30,
      include: { competitor: { select: { name: true } } },
    }),
  ]);

  const latest = new Map<string, (typeof theirs)[number]>();
  for (const s of theirs) latest.set(s.competitorId, s);
  const latestRank = new Map<string, number | null>();
  for (const r of ranks) if (r.competitorId) latestRank.set(r.competitorId, r.rank);
  const summaries: CompetitorSummary[] = competitors.map((c) => {
    const s = latest.get(c.id);
    return {
      id: c.id,
      name: c.name,
      url: c.url,
      removed: c.removedAt !== null,
      lastError: c.lastError,
      average: s?.average ?? null,
      reviewCount: s?.reviewCount ?? null,
      installBand: s?.installBand ?? null,
      votes: s && (s.votesUp !== null || s.votesDown !== null) ? { up: s.votesUp, down: s.votesDown } : null,
      topRated: latestRank.get(c.id) ?? null,
    };
  });

  const me = { key: "app", label: app.name };
  const them = competitors.map((c) => ({ key: c.id, label: c.name }));
  const rating = chart(
    [
      { ...me, points: mine.map((s) => ({ day: dayOf(s.takenAt, tz), value: s.average })) },
      ...them.map((t) => ({
        ...t,
        points: theirs
          .filter((s) => s.competitorId === t.key && s.day >= range.from)
          .map((s) => ({ day: s.day, value: s.average })),
      })),
    ],
    range,
    bucket,
    "rating",
  );
  const perDay = (dates: (Date | null)[]) =>
    dates.filter((d): d is Date => d !== null).map((d) => ({ day: dayOf(d, tz), value: 1 }));
  const reviews = chart(
    [
      { ...me, points: perDay(myReviews.map((r) => r.reviewedAt)) },
      ...them.map((t) => ({
        ...t,
        points: perDay(theirReviews.filter((r) => r.competitorId === t.key).map((r) => r.reviewedAt)),
      })),
    ],
    range,
    bucket,
    "int",
    true,
  );
  const rank = chart(
    [
      { ...me, points: ranks.filter((r) => r.appId === app.id).map((r) => ({ day: r.day, value: r.rank })) },
      ...them.map((t) => ({
        ...t,
        points: ranks.filter((r) => r.competitorId === t.key).map((r) => ({ day: r.day, value: r.rank })),
      })),
    ],
    range,
    bucket,
    "rank",
  );
  return {
    app: { id: app.id, name: app.name },
    key,
    range,
    bucket,
    competitors: summaries,
    charts: { rating, reviews, rank },
    feed: feed.map((r) => ({
      id: r.id,
      competitor: r.competitor.name,
      author: r.author,
      stars: r.stars,
      text: r.text,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      firstSeenAt: r.firstSeenAt!.toISOString(),
    })),
  };
}
