import "server-only";
import { CHANGE_LABELS, type ChangeField } from "./changes";
import { bucketLabel, CHART_PALETTE, type ChartRow, type ChartSeries } from "@/lib/analytics/format";
import { bucketsOf, type BucketSize } from "@/lib/analytics/time";
import { workspaceTimeZone } from "@/lib/analytics/timezone";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { addDays, localDay } from "@/lib/days";
import { appInWorkspace } from "@/lib/scope";
import type { CompetitorSummary } from "./types";

/** How far back the comparison reaches, and the bucket of each point. */
export const COMPARE_RANGES = {
  "90d": { label: "90 days", days: 90, bucket: "week" },
  "12m": { label: "12 months", days: 365, bucket: "month" },
  "24m": { label: "2 years", days: 730, bucket: "month" },
} as const satisfies Record<string, { label: string; days: number; bucket: BucketSize }>;
export type CompareRange = keyof typeof COMPARE_RANGES;

type Line = {
  key: string;
  label: string;
  points: { day: string; value: number | null }[];
  /** For counts: the first day the line's page was read. Buckets before it were not counted (empty, not zero). */
  countedFrom?: string | null;
};

/**
 * One row per bucket, one column per line: the last value read in the bucket (or the sum, for counts: zero
 * in a bucket that was counted and had nothing, empty in one before the line was first read).
 */
export function bucketChart(
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
  const buckets = bucketsOf(range.from, range.to, bucket);
  const rows: ChartRow[] = buckets.map((b) => ({ label: bucketLabel(b.key, bucket, range) }));
  for (const line of lines) {
    // One pass over the line's points, in day order, moving through the buckets alongside.
    const points = line.points
      .filter((p) => p.value !== null && p.day >= range.from && p.day <= range.to)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const values: (number | null)[] = buckets.map(() => null);
    let i = 0;
    for (const p of points) {
      while (i < buckets.length - 1 && p.day > buckets[i]!.to) i++;
      values[i] = sum ? (values[i] ?? 0) + p.value! : p.value;
    }
    buckets.forEach((b, k) => {
      const counted = !line.countedFrom || b.to >= line.countedFrom || values[k] !== null;
      rows[k]![line.key] = sum ? (counted ? (values[k] ?? 0) : null) : values[k]!;
    });
  }
  return { rows, series };
}

const dayOf = (d: Date, tz: string) => localDay(d, tz);

/** The bucket of a `day` column in SQL, as lib/analytics/time.ts cuts them (weeks from Monday). */
const BUCKET_SQL: Record<BucketSize, string> = {
  day: "day",
  week: "date(day, '-6 days', 'weekday 1')",
  month: "substr(day, 1, 7)",
};

/**
 * Daily rows over years, read through the raw connection and cut to the last of each bucket in SQL, so
 * a chart reads a few dozen rows; `%` in the SQL stands for the list of ids.
 */
async function inList<T>(sql: string, params: unknown[], ids: string[]): Promise<T[]> {
  if (ids.length === 0 && sql.includes("%") && !sql.includes("appId = ?")) return [];
  const marks = ids.length ? ids.map(() => "?").join(", ") : "NULL";
  return sqlConnection()
    .prepare(sql.replace("%", marks))
    .all(...params, ...ids) as T[];
}

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
  const [mine, theirs, myReviews, theirReviews, ranks, feed, changes] = await Promise.all([
    inList<{ takenAt: string; average: number | null }>(
      `SELECT takenAt, average FROM RatingSnapshot WHERE appId = ? AND takenAt >= ? ORDER BY takenAt`,
      [app.id, sqliteTime(since.getTime())],
      [],
    ),
    inList<{ competitorId: string; day: string; average: number | null }>(
      `SELECT competitorId, day, average FROM (
         SELECT competitorId, day, average,
           ROW_NUMBER() OVER (PARTITION BY competitorId, ${BUCKET_SQL[bucket]} ORDER BY day DESC) AS nth
         FROM CompetitorSnapshot WHERE day >= ? AND competitorId IN (%) AND average IS NOT NULL)
       WHERE nth = 1 ORDER BY day`,
      [range.from],
      ids,
    ),
    inList<{ reviewedAt: string }>(
      `SELECT reviewedAt FROM Review WHERE appId = ? AND reviewedAt >= ?`,
      [app.id, sqliteTime(since.getTime())],
      [],
    ),
    inList<{ competitorId: string; reviewedAt: string }>(
      `SELECT competitorId, reviewedAt FROM CompetitorReview WHERE reviewedAt >= ? AND competitorId IN (%)`,
      [sqliteTime(since.getTime())],
      ids,
    ),
    inList<{ appId: string | null; competitorId: string | null; day: string; rank: number | null }>(
      `SELECT appId, competitorId, day, rank FROM (
         SELECT appId, competitorId, day, rank,
           ROW_NUMBER() OVER (PARTITION BY appId, competitorId, ${BUCKET_SQL[bucket]} ORDER BY day DESC) AS nth
         FROM RankSnapshot
         WHERE listKind = 'COLLECTION' AND listKey = 'top-rated' AND day >= ? AND rank IS NOT NULL
           AND (appId = ? OR competitorId IN (%)))
       WHERE nth = 1 ORDER BY day`,
      [range.from, app.id],
      ids,
    ),
    db.competitorReview.findMany({
      where: { competitorId: { in: ids }, firstSeenAt: { not: null } },
      orderBy: [{ firstSeenAt: "desc" }, { reviewedAt: "desc" }],
      take: 30,
      include: { competitor: { select: { name: true } } },
    }),
    db.competitorChange.findMany({
      where: { competitorId: { in: ids } },
      orderBy: [{ detectedAt: "desc" }, { id: "asc" }],
      take: 50,
      include: { competitor: { select: { name: true } } },
    }),
  ]);

  const latestRows = await inList<{
    competitorId: string;
    average: number | null;
    reviewCount: number;
    installBand: string | null;
    votesUp: number | null;
    votesDown: number | null;
  }>(
    // The last read as of `now`, by when it was taken: a day is local to the workspace's time zone,
    // which can change between two reads, and a view of an earlier moment ignores later reads.
    `SELECT competitorId, average, reviewCount, installBand, votesUp, votesDown FROM (
       SELECT *, ROW_NUMBER() OVER (PARTITION BY competitorId ORDER BY takenAt DESC, day DESC) AS nth
       FROM CompetitorSnapshot WHERE takenAt <= ? AND competitorId IN (%))
     WHERE nth = 1`,
    [sqliteTime(now.getTime())],
    ids,
  );
  const latest = new Map(latestRows.map((r) => [r.competitorId, r]));
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

  // The app itself heads the table, with the same columns read from its own last read of its page.
  const own = await db.ratingSnapshot.findFirst({
    where: { appId: app.id, app: { workspaceId: member.workspace.id }, takenAt: { lte: now } },
    orderBy: { takenAt: "desc" },
    select: { average: true, reviewCount: true, installBand: true, votesUp: true, votesDown: true },
  });
  const ownRank = ranks.filter((r) => r.appId === app.id).at(-1)?.rank ?? null;
  const self: CompetitorSummary = {
    id: app.id,
    name: app.name,
    url: `/reviews?app=${app.id}`,
    removed: false,
    lastError: null,
    average: own?.average ?? null,
    reviewCount: own?.reviewCount ?? null,
    installBand: own?.installBand ?? null,
    votes: own && (own.votesUp !== null || own.votesDown !== null) ? { up: own.votesUp, down: own.votesDown } : null,
    topRated: ownRank,
  };

  const me = { key: "app", label: app.name };
  const them = competitors.map((c) => ({ key: c.id, label: c.name }));
  const rating = bucketChart(
    [
      { ...me, points: mine.map((s) => ({ day: dayOf(new Date(s.takenAt), tz), value: s.average })) },
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
  const perDay = (dates: (string | null)[]) =>
    dates.filter((d): d is string => d !== null).map((d) => ({ day: dayOf(new Date(d), tz), value: 1 }));
  // Each line counts from the first read of its page: the months before it are unknown, not zero.
  const [myFirst, theirFirst] = await Promise.all([
    inList<{ takenAt: string | null }>(
      `SELECT MIN(takenAt) AS takenAt FROM RatingSnapshot WHERE appId = ?`,
      [app.id],
      [],
    ),
    inList<{ competitorId: string; day: string }>(
      `SELECT competitorId, MIN(day) AS day FROM CompetitorSnapshot WHERE competitorId IN (%) GROUP BY competitorId`,
      [],
      ids,
    ),
  ]);
  const firstRead = new Map(theirFirst.map((r) => [r.competitorId, r.day]));
  const reviews = bucketChart(
    [
      {
        ...me,
        points: perDay(myReviews.map((r) => r.reviewedAt)),
        countedFrom: myFirst[0]?.takenAt ? dayOf(new Date(myFirst[0].takenAt), tz) : null,
      },
      ...them.map((t) => ({
        ...t,
        points: perDay(theirReviews.filter((r) => r.competitorId === t.key).map((r) => r.reviewedAt)),
        countedFrom: firstRead.get(t.key) ?? null,
      })),
    ],
    range,
    bucket,
    "int",
    true,
  );
  const rank = bucketChart(
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
    self,
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
    changes: changes.map((c) => ({
      id: c.id,
      competitorId: c.competitorId,
      competitor: c.competitor.name,
      field: CHANGE_LABELS[c.field as ChangeField] ?? c.field,
      before: c.before,
      after: c.after,
      detectedAt: c.detectedAt.toISOString(),
    })),
  };
}
