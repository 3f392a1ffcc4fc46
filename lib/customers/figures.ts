import "server-only";
import { LRUCache } from "lru-cache";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { statement } from "@/lib/db/sql";
import { addDays, localDay } from "@/lib/days";
import { marks, scopeOf } from "./query";
import type { Bucket, CustomerFigures } from "./types";

/** The Customers figures: reinstalls, time to uninstall and tenure, read from the daily rollups. */

export const UNINSTALL_BUCKETS = [
  { label: "Same day", upTo: 1 },
  { label: "1–7 days", upTo: 7 },
  { label: "1–4 weeks", upTo: 30 },
  { label: "1–3 months", upTo: 90 },
  { label: "3–12 months", upTo: 365 },
  { label: "Over a year", upTo: Infinity },
] as const;

export const TENURE_BUCKETS = [
  { label: "Under a week", upTo: 7 },
  { label: "1–4 weeks", upTo: 30 },
  { label: "1–3 months", upTo: 90 },
  { label: "3–12 months", upTo: 365 },
  { label: "Over a year", upTo: Infinity },
] as const;

/** Counts of `days` per bucket, each bucket holding values below its `upTo` and at or above the previous one's. */
export function bucketize(values: number[], buckets: readonly { label: string; upTo: number }[]): Bucket[] {
  const counts = buckets.map((b) => ({ label: b.label, count: 0 }));
  for (const v of values) {
    const i = buckets.findIndex((b) => v < b.upTo);
    counts[i === -1 ? counts.length - 1 : i]!.count++;
  }
  return counts;
}

/**
 * A day's `keptDays` as entries. Most days' histograms are the same few short strings (`{"3":1}`), and past days
 * never change: parsed once per distinct text, the figures read thousands of days without parsing each.
 */
const parsedKept = new LRUCache<string, [number, number][]>({ max: 20_000 });
function keptEntries(text: string): [number, number][] {
  let entries = parsedKept.get(text);
  if (!entries) {
    entries = Object.entries(JSON.parse(text) as Record<string, number>).map(([k, n]) => [Number(k), n]);
    parsedKept.set(text, entries);
  }
  return entries;
}

/** The median of a histogram of whole days (`{ days: count }`), or null when it is empty. */
export function histogramMedian(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (seen > rank) return days;
    }
    return sorted[sorted.length - 1]![0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Reinstalls and time to uninstall over `days` (null: all time), and the tenure of the customers with an app now
 * (a company counts once per app it has). All from the daily rollups the ingest keeps (`reinstalls`, `keptDays`,
 * `openStarts` of InstallDaily), in the workspace's days: a few thousand rows at most, whatever the partner's size.
 */
export async function customerFigures(
  member: Member,
  { app = "", days = 90 }: { app?: string; days?: number | null },
  now = Date.now(),
): Promise<CustomerFigures> {
  const scope = await scopeOf(member, app);
  const apps = scope.appId ? [scope.appId] : scope.appIds;
  if (apps.length === 0)
    return {
      reinstalls: 0,
      timeToUninstall: { count: 0, medianDays: null, buckets: bucketize([], UNINSTALL_BUCKETS) },
      tenure: bucketize([], TENURE_BUCKETS),
      active: 0,
    };
  const zone =
    (await db.workspace.findUnique({ where: { id: member.workspace.id }, select: { timeZone: true } }))?.timeZone ??
    "UTC";
  const today = localDay(now, zone);
  const since = days === null ? "" : addDays(today, -(days - 1));
  const inApps = `appId IN (${marks(apps.length)})`;
  const period = statement(
    `SELECT SUM(reinstalls) AS reinstalls, group_concat(CASE WHEN keptDays <> '{}' THEN keptDays END, '|') AS kept
       FROM InstallDaily WHERE ${inApps} AND day >= ?`,
  ).get(...apps, since) as { reinstalls: number | null; kept: string | null };
  const histogram = new Map<number, number>();
  for (const part of (period.kept ?? "").split("|").filter(Boolean))
    for (const [k, n] of keptEntries(part)) histogram.set(k, (histogram.get(k) ?? 0) + n);
  // Tenure: the customers still on the tenure they began on each day of the last year, by how long ago that was;
  // the rest of those with the app now (each app's last `customersEnd`) began it more than a year ago.
  const edges = TENURE_BUCKETS.slice(0, -1).map((b) => addDays(today, -(b.upTo - 1)));
  const year = edges[edges.length - 1]!;
  const recent = statement(
    `SELECT ${edges.map((_, i) => `SUM(CASE WHEN day >= ? ${i ? "AND day < ?" : ""} THEN openStarts ELSE 0 END) AS b${i}`).join(", ")}
       FROM InstallDaily WHERE ${inApps} AND day >= ?`,
  ).get(...edges.flatMap((edge, i) => (i ? [edge, edges[i - 1]!] : [edge])), ...apps, year) as Record<
    string,
    number | null
  >;
  const latest = statement(`SELECT customersEnd FROM InstallDaily WHERE appId = ? ORDER BY day DESC LIMIT 1`);
  const active = apps.reduce(
    (sum, id) => sum + ((latest.get(id) as { customersEnd: number } | undefined)?.customersEnd ?? 0),
    0,
  );
  const withinYear = edges.reduce((sum, _, i) => sum + (recent[`b${i}`] ?? 0), 0);
  const tenure = TENURE_BUCKETS.map((b, i) => ({
    label: b.label,
    count: Math.max(0, i < edges.length ? (recent[`b${i}`] ?? 0) : active - withinYear),
  }));
  const kept = [...histogram.entries()];
  const middle = histogramMedian(histogram);
  return {
    reinstalls: period.reinstalls ?? 0,
    timeToUninstall: {
      count: kept.reduce((a, [, n]) => a + n, 0),
      medianDays: middle,
      buckets: UNINSTALL_BUCKETS.map((b, i) => ({
        label: b.label,
        count: kept
          .filter(([k]) => k < b.upTo && (i === 0 || k >= UNINSTALL_BUCKETS[i - 1]!.upTo))
          .reduce((a, [, n]) => a + n, 0),
      })),
    },
    tenure,
    active: Math.max(0, active),
  };
}
