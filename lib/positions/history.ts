import "server-only";
import type { Member } from "@/lib/authz";
import { sqlConnection } from "@/lib/db/sql";
import { bucketLabel, CHART_PALETTE, type ChartRow, type ChartSeries } from "@/lib/analytics/format";
import { bucketsOf, type BucketSize } from "@/lib/analytics/time";
import { workspaceTimeZone } from "@/lib/analytics/timezone";
import { addDays, localDay } from "@/lib/days";
import { appInWorkspace } from "@/lib/scope";
import { listId, rankChangeText, type ListKind } from "./lists";
import { LRUCache } from "lru-cache";
import type { ListHistory, RankEvent } from "./types";

export type AppPositions = { lists: ListHistory[]; events: RankEvent[]; lastDay: string | null };

/**
 * An app's positions over a range of days, list by list (collections first, then categories by name),
 * with its current and best position in each and every move in words, newest first.
 */
export async function appPositions(
  member: Member,
  appId: string,
  range: { from: string; to: string },
): Promise<AppPositions> {
  const app = await appInWorkspace(member, appId);
  // Positions change once a sync reads the lists (a day's rows, rewritten the same day): what was worked
  // out from years of rows is kept until the app's latest day changes.
  const latest = sqlConnection()
    .prepare(
      `SELECT day, MAX(takenAt) AS takenAt, COUNT(*) AS lists FROM RankSnapshot
       WHERE appId = ? AND day = (SELECT MAX(day) FROM RankSnapshot WHERE appId = ?)`,
    )
    .get(app.id, app.id) as { day: string | null; takenAt: string | null; lists: number };
  const key = `${app.id}|${range.from}|${range.to}|${latest.day}|${latest.takenAt}|${latest.lists}`;
  const known = computed.get(key);
  if (known) return known;
  const result = readPositions(app.id, range);
  computed.set(key, result);
  return result;
}

/** Positions worked out, by app, range and the app's latest snapshots (a few kilobytes each). */
const COMPUTED_MAX = 200;
const computed = new LRUCache<string, AppPositions>({ max: COMPUTED_MAX });

function readPositions(appId: string, range: { from: string; to: string }): AppPositions {
  // The day before the range too, so that a move on its first day is seen.
  // Years of daily rows: read through the raw connection (many times faster per row than the ORM).
  const rows = sqlConnection()
    .prepare(
      `SELECT listKind, listKey, listName, day, rank, listSize FROM RankSnapshot
       WHERE appId = ? AND day >= ? AND day <= ? ORDER BY day`,
    )
    .all(appId, addDays(range.from, -1), range.to) as {
    listKind: string;
    listKey: string;
    listName: string;
    day: string;
    rank: number | null;
    listSize: number;
  }[];
  const lists = new Map<string, ListHistory & { before: number | null | undefined }>();
  const events: RankEvent[] = [];
  for (const r of rows) {
    const id = listId({ kind: r.listKind, key: r.listKey });
    let list = lists.get(id);
    if (!list) {
      list = {
        id,
        kind: r.listKind as ListKind,
        key: r.listKey,
        name: r.listName,
        points: [],
        current: null,
        best: null,
        listSize: r.listSize,
        before: undefined,
      };
      lists.set(id, list);
    }
    const previous = list.points.at(-1)?.rank ?? list.before;
    if (r.day < range.from) {
      list.before = r.rank;
      continue;
    }
    if (previous !== undefined && previous !== r.rank)
      events.push({
        day: r.day,
        list: r.listName,
        from: previous,
        to: r.rank,
        text: rankChangeText(r.listName, previous, r.rank),
      });
    list.points.push({ day: r.day, rank: r.rank });
    list.name = r.listName;
    list.listSize = r.listSize;
    list.current = r.rank;
    if (r.rank !== null && (!list.best || r.rank < list.best.rank)) list.best = { rank: r.rank, day: r.day };
  }
  const ordered = [...lists.values()]
    .filter((l) => l.points.length > 0)
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "COLLECTION" ? -1 : 1))
    .map(({ before: _, ...l }) => l);
  const lastDay = rows.length ? rows.at(-1)!.day : null;
  return { lists: ordered, events: events.reverse(), lastDay };
}

/** How far back a positions view reaches, and the bucket each point of its chart stands for. */
export const POSITION_RANGES = {
  "30d": { label: "30 days", days: 30, bucket: "day" },
  "90d": { label: "90 days", days: 90, bucket: "day" },
  "12m": { label: "12 months", days: 365, bucket: "week" },
  "24m": { label: "2 years", days: 730, bucket: "week" },
} as const satisfies Record<string, { label: string; days: number; bucket: BucketSize }>;
export type PositionRange = keyof typeof POSITION_RANGES;

/**
 * The chart of a positions view: one line per list, one point per bucket — the position on the last
 * day read in it (none when nothing was read), so a week's point is where the app stood that week.
 */
export function positionChart(lists: ListHistory[], range: { from: string; to: string }, bucket: BucketSize) {
  const buckets = bucketsOf(range.from, range.to, bucket);
  const series: ChartSeries[] = lists.map((l, i) => ({
    key: l.id,
    label: l.name,
    color: CHART_PALETTE[i % CHART_PALETTE.length]!,
    format: "rank",
  }));
  const cursor = lists.map(() => 0);
  const rows: ChartRow[] = buckets.map((b) => {
    const row: ChartRow = { label: bucketLabel(b.key, bucket, range) };
    lists.forEach((l, i) => {
      let value: number | null = null;
      while (cursor[i]! < l.points.length && l.points[cursor[i]!]!.day <= b.to) {
        const p = l.points[cursor[i]!]!;
        if (p.day >= b.from) value = p.rank;
        cursor[i]!++;
      }
      row[l.id] = value;
    });
    return row;
  });
  return { rows, series };
}

/** What the positions page shows: the range, the lists with their history, the chart and the moves. */
export async function positionsView(member: Member, appId: string, rangeKey: unknown, now = new Date()) {
  const key: PositionRange =
    typeof rangeKey === "string" && rangeKey in POSITION_RANGES ? (rangeKey as PositionRange) : "90d";
  const { days, bucket } = POSITION_RANGES[key];
  const today = localDay(now, await workspaceTimeZone(member));
  const range = { from: addDays(today, -(days - 1)), to: today };
  const positions = await appPositions(member, appId, range);
  return { key, range, bucket, ...positions, chart: positionChart(positions.lists, range, bucket) };
}
