import "server-only";
import type { Member } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { sqlConnection } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import {
  activeAfter30Days,
  change,
  cohorts,
  countSeries,
  installSeries,
  ratingSeries,
  sumSeries,
  totalsOf,
  type DayRow,
  type Installed,
  type Snapshot,
  type Change,
} from "./metrics";
import { customRange, defaultBucket, type AnalyticsQuery } from "./query";
import { addDays, addMonths, localDay, startOfDay } from "@/lib/days";
import { bucketStart, resolveRange } from "./time";

/**
 * The analytics query layer: one function per figure, all from rollups (InstallDaily,
 * RatingSnapshot, ShareViewDaily) and indexed ranges of installations, read through the raw
 * SQLite connection with prepared statements.
 */
const prepared = new WeakMap<object, ReturnType<typeof prepare>>();
const sql = () => {
  const d = sqlConnection();
  let s = prepared.get(d);
  if (!s) prepared.set(d, (s = prepare(d)));
  return s;
};

const prepare = (d: ReturnType<typeof sqlConnection>) => {
  return {
    days: d.prepare(
      `SELECT day, installStarted, consentDenied, consentGranted, installs, uninstalls, activeEnd FROM InstallDaily WHERE appId = ? AND day >= ? AND day <= ? ORDER BY day`,
    ),
    activeBefore: d.prepare(`SELECT activeEnd FROM InstallDaily WHERE appId = ? AND day < ? ORDER BY day DESC LIMIT 1`),
    installed: d.prepare(
      `SELECT installedAt, uninstalledAt FROM Installation WHERE appId = ? AND installedAt >= ? AND installedAt < ?`,
    ),
    snapshots: d.prepare(
      `SELECT takenAt, average, reviewCount FROM RatingSnapshot WHERE appId = ? AND takenAt >= ? AND takenAt < ? ORDER BY takenAt`,
    ),
    snapshotBefore: d.prepare(
      `SELECT takenAt, average, reviewCount FROM RatingSnapshot WHERE appId = ? AND takenAt < ? ORDER BY takenAt DESC LIMIT 1`,
    ),
    stars: d.prepare(
      `SELECT stars, COUNT(*) AS n FROM Review WHERE appId = ? AND removedAt IS NULL AND reviewedAt >= ? AND reviewedAt < ? GROUP BY stars`,
    ),
    views: d.prepare(
      `SELECT day, views AS count FROM ShareViewDaily WHERE appId = ? AND day >= ? AND day <= ? ORDER BY day`,
    ),
    timeZone: d.prepare(`SELECT timeZone FROM Workspace WHERE id = ?`),
    apps: d.prepare(`SELECT id, name, type FROM App WHERE workspaceId = ? AND archivedAt IS NULL ORDER BY name`),
  };
};

type Range = { from: string; to: string };
const instants = (r: Range, tz: string) =>
  [sqliteTime(startOfDay(r.from, tz)), sqliteTime(startOfDay(addDays(r.to, 1), tz))] as const;
const installedRows = (rows: { installedAt: string; uninstalledAt: string | null }[]): Installed[] =>
  rows.map((r) => ({
    installedAt: Date.parse(r.installedAt),
    uninstalledAt: r.uninstalledAt === null ? null : Date.parse(r.uninstalledAt),
  }));

function appSeries(s: ReturnType<typeof sql>, appId: string, r: Range, bucket: "day" | "week" | "month") {
  const rows = s.days.all(appId, r.from, r.to) as DayRow[];
  const before = (s.activeBefore.get(appId, r.from) as { activeEnd: number } | undefined)?.activeEnd ?? 0;
  return installSeries(rows, r.from, r.to, bucket, before);
}

export async function loadAnalytics(member: Member, query: AnalyticsQuery, now = Date.now()) {
  const s = sql();
  const tz = (s.timeZone.get(member.workspace.id) as { timeZone: string }).timeZone;
  const apps = s.apps.all(member.workspace.id) as { id: string; name: string; type: string }[];
  const selected = query.app ? apps.find((a) => a.id === query.app) : null;
  if (query.app && !selected) throw notFound("App");
  const scope = selected ? [selected] : apps;
  const today = localDay(now, tz);
  const custom = customRange(query, today);
  // A custom range that is missing or unusable falls back to 30 days.
  const preset = custom ? "custom" : query.range === "custom" ? "30d" : query.range;
  const range = resolveRange(preset, today, custom ?? undefined);
  const bucket = query.bucket || defaultBucket(range.days);

  const perApp = scope.map((a) => appSeries(s, a.id, range, bucket));
  const series = sumSeries(perApp);
  const previous = sumSeries(scope.map((a) => appSeries(s, a.id, range.previous, bucket)));
  const totals = totalsOf(series);
  const before = totalsOf(previous);

  const [startIso, endIso] = instants(range, tz);
  // Cohorts: the months of the range (the last twelve at most), followed until now.
  const lastMonth = bucketStart(range.to, "month");
  let firstMonth = bucketStart(range.from, "month");
  if (firstMonth < addMonths(lastMonth, -11)) firstMonth = addMonths(lastMonth, -11);
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m = addMonths(m, 1)) months.push(m);
  const cohortStart = sqliteTime(startOfDay(firstMonth, tz));
  // One read of the installations serves both the funnel and the cohorts.
  const first = cohortStart < startIso ? cohortStart : startIso;
  const installed = scope.flatMap((a) =>
    installedRows(s.installed.all(a.id, first, endIso) as { installedAt: string; uninstalledAt: string | null }[]),
  );
  const [rangeStart, rangeEnd, cohortFrom] = [Date.parse(startIso), Date.parse(endIso), Date.parse(cohortStart)];
  const funnel = {
    started: totals.started,
    denied: totals.denied,
    granted: totals.granted,
    installed: totals.installs,
    ...activeAfter30Days(
      installed.filter((r) => r.installedAt >= rangeStart && r.installedAt < rangeEnd),
      now,
    ),
  };
  const cohortTable = cohorts(
    installed.filter((r) => r.installedAt >= cohortFrom),
    months,
    tz,
    now,
  );

  // Ratings: per app, carried per bucket; for several apps, averaged weighted by review count.
  // The last read before the range is both the carried start and the previous period's rating.
  type SnapRow = { takenAt: string; average: number | null; reviewCount: number | null };
  const toSnap = (r: SnapRow): Snapshot => ({
    day: localDay(Date.parse(r.takenAt), tz),
    average: r.average,
    reviewCount: r.reviewCount,
  });
  const publicApps = scope.filter((a) => a.type === "PUBLIC");
  const priors = publicApps.map((a) => s.snapshotBefore.get(a.id, startIso) as SnapRow | undefined);
  const ratingsPerApp = publicApps.map((a, i) => {
    const rows = (s.snapshots.all(a.id, startIso, endIso) as SnapRow[]).map(toSnap);
    return ratingSeries(rows, priors[i] ? toSnap(priors[i]) : null, range.from, range.to, bucket);
  });
  const ratings = series.map((p, k) => {
    const points = ratingsPerApp.map((r) => r[k]!).filter((r) => r.average !== null && r.reviewCount);
    const count = points.reduce((a, r) => a + r.reviewCount!, 0);
    return {
      key: p.key,
      average: count ? points.reduce((a, r) => a + r.average! * r.reviewCount!, 0) / count : null,
      reviewCount: ratingsPerApp.some((r) => r[k]!.reviewCount !== null) ? count : null,
    };
  });
  const stars = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<1 | 2 | 3 | 4 | 5, number>;
  for (const a of scope)
    for (const r of s.stars.all(a.id, startIso, endIso) as { stars: number; n: number }[])
      if (r.stars >= 1 && r.stars <= 5) stars[r.stars as 1] += r.n;

  const viewsPerApp = scope.map((a) =>
    countSeries(
      s.views.all(a.id, range.from, range.to) as { day: string; count: number }[],
      range.from,
      range.to,
      bucket,
    ),
  );
  const views = series.map((p, k) => ({ key: p.key, count: viewsPerApp.reduce((a, v) => a + v[k]!.count, 0) }));
  const previousViews = scope.reduce(
    (sum, a) =>
      sum +
      (s.views.all(a.id, range.previous.from, range.previous.to) as { count: number }[]).reduce(
        (x, r) => x + r.count,
        0,
      ),
    0,
  );
  const viewsTotal = views.reduce((a, v) => a + v.count, 0);

  const lastRating = [...ratings].reverse().find((r) => r.average !== null)?.average ?? null;
  const rated = priors.filter(
    (r): r is SnapRow & { average: number; reviewCount: number } =>
      !!r && r.average !== null && r.reviewCount !== null && r.reviewCount > 0,
  );
  const priorCount = rated.reduce((a, r) => a + r.reviewCount, 0);
  const previousRating = priorCount ? rated.reduce((a, r) => a + r.average * r.reviewCount, 0) / priorCount : null;
  return {
    timeZone: tz,
    today,
    apps: apps.map((a) => ({ id: a.id, name: a.name })),
    app: selected ? { id: selected.id, name: selected.name, type: selected.type as string } : null,
    range: { ...range, preset },
    bucket,
    series,
    ratings,
    views,
    stars,
    funnel,
    cohorts: cohortTable,
    /** Each app's own series, to compare them (all apps, when there are several). */
    compare:
      !selected && scope.length > 1
        ? scope.map((a, i) => ({
            id: a.id,
            name: a.name,
            series: perApp[i]!,
            /** Public apps only: the rating and review count carried per bucket. */
            ratings: a.type === "PUBLIC" ? ratingsPerApp[publicApps.indexOf(a)]! : null,
          }))
        : [],
    kpis: {
      installs: change(totals.installs, before.installs),
      uninstalls: change(totals.uninstalls, before.uninstalls),
      net: change(totals.net, before.net),
      active: change(totals.activeEnd, before.activeEnd),
      churnRate: change(totals.churnRate, before.churnRate),
      deniedRate: change(totals.deniedRate, before.deniedRate),
      rating: change(lastRating, previousRating),
      views: change(viewsTotal, previousViews),
    },
  };
}

/** Each app this month so far against the same days of last month: the overview's table. */
export async function monthOverview(member: Member, now = Date.now()) {
  const s = sql();
  const tz = (s.timeZone.get(member.workspace.id) as { timeZone: string }).timeZone;
  const apps = s.apps.all(member.workspace.id) as { id: string; name: string; type: string }[];
  const today = localDay(now, tz);
  const thisMonth = { from: bucketStart(today, "month"), to: today };
  const lastStart = addMonths(thisMonth.from, -1);
  const sameDay = addMonths(today, -1);
  const lastMonth = { from: lastStart, to: sameDay < lastStart ? lastStart : sameDay };
  const rating = (appId: string, before: number) =>
    (s.snapshotBefore.get(appId, sqliteTime(before)) as { average: number | null } | undefined)?.average ?? null;
  return {
    thisMonth,
    lastMonth,
    rows: apps.map((a) => {
      const cur = totalsOf(appSeries(s, a.id, thisMonth, "month"));
      const prev = totalsOf(appSeries(s, a.id, lastMonth, "month"));
      return {
        id: a.id,
        name: a.name,
        installs: change(cur.installs, prev.installs),
        uninstalls: change(cur.uninstalls, prev.uninstalls),
        active: change(cur.activeEnd, prev.activeEnd),
        rating: a.type === "PUBLIC" ? change(rating(a.id, now), rating(a.id, startOfDay(thisMonth.from, tz))) : null,
      };
    }),
  };
}

/**
 * Each app's last 30 days against the 30 before, with its installs day by day: the home's figures,
 * worked out exactly as the Analytics page's 30-day range does. Ids of other workspaces are skipped.
 */
export function recentInstalls(member: Member, appIds: string[], now = Date.now()) {
  const s = sql();
  const tz = (s.timeZone.get(member.workspace.id) as { timeZone: string }).timeZone;
  const own = new Set((s.apps.all(member.workspace.id) as { id: string }[]).map((a) => a.id));
  const range = resolveRange("30d", localDay(now, tz));
  const figures = new Map<
    string,
    { installs: Change; uninstalls: Change; daily: { key: string; installs: number; uninstalls: number }[] }
  >();
  for (const id of appIds) {
    if (!own.has(id)) continue;
    const current = appSeries(s, id, range, "day");
    const [cur, prev] = [totalsOf(current), totalsOf(appSeries(s, id, range.previous, "day"))];
    figures.set(id, {
      installs: change(cur.installs, prev.installs),
      uninstalls: change(cur.uninstalls, prev.uninstalls),
      daily: current.map((p) => ({ key: p.key, installs: p.installs, uninstalls: p.uninstalls })),
    });
  }
  return { range, figures };
}

/** The workspace's active apps together over the last 30 days and the 30 before: the home's totals. */
export function recentTotals(member: Member, now = Date.now()) {
  const s = sql();
  const tz = (s.timeZone.get(member.workspace.id) as { timeZone: string }).timeZone;
  const range = resolveRange("30d", localDay(now, tz));
  const sum = (r: { from: string; to: string }) =>
    sqlConnection()
      .prepare(
        `SELECT COALESCE(SUM(d.installs), 0) AS installs, COALESCE(SUM(d.uninstalls), 0) AS uninstalls
         FROM InstallDaily d JOIN App a ON a.id = d.appId
         WHERE a.workspaceId = ? AND a.archivedAt IS NULL AND d.day >= ? AND d.day <= ?`,
      )
      .get(member.workspace.id, r.from, r.to) as { installs: number; uninstalls: number };
  const [cur, prev] = [sum(range), sum(range.previous)];
  return {
    installs: change(Number(cur.installs), Number(prev.installs)),
    uninstalls: change(Number(cur.uninstalls), Number(prev.uninstalls)),
  };
}
