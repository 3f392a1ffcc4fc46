import { addMonths, startOfDay } from "@/lib/days";
import { bucketsOf, type BucketSize } from "./time";

/**
 * The figures of the analytics pages, computed from daily rollups (pure functions: the query
 * layer loads rows, these turn them into buckets). Every bucket of the range is present, with
 * zeros when nothing happened; "active" carries over days without a row.
 */
export type DayRow = {
  day: string;
  installStarted: number;
  consentDenied: number;
  consentGranted: number;
  installs: number;
  uninstalls: number;
  activeEnd: number;
};

export type InstallPoint = {
  key: string;
  from: string;
  to: string;
  started: number;
  denied: number;
  granted: number;
  installs: number;
  uninstalls: number;
  net: number;
  activeStart: number;
  activeEnd: number;
  /** uninstalls ÷ active at the start of the bucket; null when nothing was active. */
  churnRate: number | null;
  /** consent denied ÷ install started; null when nothing was started. */
  deniedRate: number | null;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
/** Uninstalls ÷ the installations that were active at some point of the period: those at its start and those installed in it. */
const churn = (p: { uninstalls: number; activeStart: number; installs: number }) =>
  ratio(p.uninstalls, p.activeStart + p.installs);

/** `rows` sorted by day, within the range; `activeBefore`: active at the end of the day before it. */
export function installSeries(
  rows: DayRow[],
  from: string,
  to: string,
  size: BucketSize,
  activeBefore: number,
): InstallPoint[] {
  let i = 0;
  let active = activeBefore;
  return bucketsOf(from, to, size).map((b) => {
    const p = {
      key: b.key,
      from: b.from,
      to: b.to,
      started: 0,
      denied: 0,
      granted: 0,
      installs: 0,
      uninstalls: 0,
      activeStart: active,
    };
    while (i < rows.length && rows[i]!.day < b.from) i++;
    for (; i < rows.length && rows[i]!.day <= b.to; i++) {
      const r = rows[i]!;
      p.started += r.installStarted;
      p.denied += r.consentDenied;
      p.granted += r.consentGranted;
      p.installs += r.installs;
      p.uninstalls += r.uninstalls;
      active = r.activeEnd;
    }
    return {
      ...p,
      net: p.installs - p.uninstalls,
      activeEnd: active,
      churnRate: churn(p),
      deniedRate: ratio(p.denied, p.started),
    };
  });
}

/** The series of several apps added bucket by bucket (rates recomputed from the sums). */
export function sumSeries(all: InstallPoint[][]): InstallPoint[] {
  if (all.length === 0) return [];
  return all[0]!.map((first, k) => {
    const s = {
      ...first,
      started: 0,
      denied: 0,
      granted: 0,
      installs: 0,
      uninstalls: 0,
      net: 0,
      activeStart: 0,
      activeEnd: 0,
    };
    for (const series of all) {
      const p = series[k]!;
      s.started += p.started;
      s.denied += p.denied;
      s.granted += p.granted;
      s.installs += p.installs;
      s.uninstalls += p.uninstalls;
      s.net += p.net;
      s.activeStart += p.activeStart;
      s.activeEnd += p.activeEnd;
    }
    return { ...s, churnRate: churn(s), deniedRate: ratio(s.denied, s.started) };
  });
}

export type Totals = {
  installs: number;
  uninstalls: number;
  net: number;
  activeEnd: number;
  churnRate: number | null;
  deniedRate: number | null;
  started: number;
  denied: number;
  granted: number;
};

/** The whole period as one bucket. */
export function totalsOf(series: InstallPoint[]): Totals {
  const sum = (f: (p: InstallPoint) => number) => series.reduce((a, p) => a + f(p), 0);
  const installs = sum((p) => p.installs);
  const uninstalls = sum((p) => p.uninstalls);
  const started = sum((p) => p.started);
  const denied = sum((p) => p.denied);
  const activeStart = series[0]?.activeStart ?? 0;
  return {
    installs,
    uninstalls,
    net: installs - uninstalls,
    activeEnd: series.at(-1)?.activeEnd ?? 0,
    churnRate: churn({ uninstalls, activeStart, installs }),
    deniedRate: ratio(denied, started),
    started,
    denied,
    granted: sum((p) => p.granted),
  };
}

export type Change = { current: number | null; previous: number | null; delta: number | null; pct: number | null };

export function change(current: number | null, previous: number | null): Change {
  const delta = current !== null && previous !== null ? current - previous : null;
  return { current, previous, delta, pct: delta !== null && previous ? delta / Math.abs(previous) : null };
}

export type Installed = { installedAt: number; uninstalledAt: number | null };

/** The funnel's last step: of the installs of the period at least 30 days old, how many are still active 30 days later. */
export function activeAfter30Days(rows: Installed[], now: number) {
  const DAYS_30 = 30 * 86_400_000;
  const eligible = rows.filter((r) => r.installedAt + DAYS_30 <= now);
  const retained = eligible.filter(
    (r) => r.uninstalledAt === null || r.uninstalledAt >= r.installedAt + DAYS_30,
  ).length;
  return { eligible: eligible.length, retained };
}

export type Cohort = { month: string; size: number; retention: (number | null)[] };

/**
 * Monthly install cohorts × months since install: the share of a cohort still active at the end
 * of its k-th month (k = 0 is the month of install). Months not over yet are null.
 */
export function cohorts(rows: Installed[], months: string[], timeZone: string, now: number, width = 12): Cohort[] {
  // Month boundaries once: boundary[i] is the start of the i-th month from the first cohort.
  const boundary = Array.from({ length: months.length + width + 1 }, (_, i) =>
    startOfDay(addMonths(months[0] ?? "1970-01-01", i), timeZone),
  );
  const size = new Array<number>(months.length).fill(0);
  // survived[c][k]: members of cohort c still active at the end of their k-th month.
  const survived = months.map(() => new Array<number>(width).fill(0));
  for (const r of rows) {
    const c = upperBound(boundary, r.installedAt) - 1;
    if (c < 0 || c >= months.length) continue;
    size[c]!++;
    // Month ends passed while still installed: boundaries c+1 … up to the uninstall.
    const last = r.uninstalledAt === null ? c + width : Math.min(c + width, upperBound(boundary, r.uninstalledAt) - 1);
    for (let k = 0; k + c + 1 <= last; k++) survived[c]![k]!++;
  }
  return months.map((month, c) => ({
    month,
    size: size[c]!,
    retention: survived[c]!.map((n, k) => (boundary[c + k + 1]! > now || size[c] === 0 ? null : n / size[c]!)),
  }));
}

/** The number of sorted values ≤ x. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Snapshot = { day: string; average: number | null; reviewCount: number | null };
export type RatingPoint = { key: string; average: number | null; reviewCount: number | null };

/** Per bucket, the last rating read in it, or the last one before it (carried over). */
export function ratingSeries(
  snapshots: Snapshot[],
  before: Snapshot | null,
  from: string,
  to: string,
  size: BucketSize,
): RatingPoint[] {
  let i = 0;
  let last = before;
  return bucketsOf(from, to, size).map((b) => {
    for (; i < snapshots.length && snapshots[i]!.day <= b.to; i++) last = snapshots[i]!;
    return { key: b.key, average: last?.average ?? null, reviewCount: last ? last.reviewCount : null };
  });
}

/** Counts per bucket from daily rows (share views). */
export function countSeries(rows: { day: string; count: number }[], from: string, to: string, size: BucketSize) {
  let i = 0;
  return bucketsOf(from, to, size).map((b) => {
    let count = 0;
    while (i < rows.length && rows[i]!.day < b.from) i++;
    for (; i < rows.length && rows[i]!.day <= b.to; i++) count += rows[i]!.count;
    return { key: b.key, count };
  });
}
