/** Buckets and ranges for analytics, over the calendar days of lib/days.ts. */
import { addDays, addMonths, daysBetween } from "@/lib/days";

export type BucketSize = "day" | "week" | "month";
export const BUCKET_SIZES: BucketSize[] = ["day", "week", "month"];

/** The first day of the bucket a day falls in: itself, the Monday of its ISO week, or the 1st of its month. */
export function bucketStart(day: string, size: BucketSize): string {
  if (size === "day") return day;
  if (size === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function bucketEnd(start: string, size: BucketSize): string {
  if (size === "day") return start;
  if (size === "week") return addDays(start, 6);
  return addDays(addMonths(start, 1), -1);
}

/** Every bucket touching [from, to], in order, none skipped; each clipped to the range. */
export function bucketsOf(from: string, to: string, size: BucketSize): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  for (let start = bucketStart(from, size); start <= to; start = addDays(bucketEnd(start, size), 1)) {
    const end = bucketEnd(start, size);
    out.push({ key: start, from: start < from ? from : start, to: end > to ? to : end });
  }
  return out;
}

export type RangePreset = "7d" | "30d" | "90d" | "12m" | "custom";

/** What the range buttons say (here, not in query.ts: the controls run in the browser, which needs no zod). */
export const RANGE_LABELS: Record<Exclude<RangePreset, "custom">, string> = {
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
  "12m": "12 months",
};
export type ResolvedRange = { from: string; to: string; days: number; previous: { from: string; to: string } };

/** A preset or custom range ending today (local), and the period of the same length just before it. */
export function resolveRange(preset: RangePreset, today: string, custom?: { from: string; to: string }): ResolvedRange {
  let from: string;
  let to = today;
  if (preset === "custom" && custom) ({ from, to } = custom);
  else if (preset === "12m") from = addDays(addMonths(today, -12), 1);
  else from = addDays(today, -(Number(preset === "custom" ? "30" : preset.slice(0, -1)) - 1));
  const days = daysBetween(from, to) + 1;
  const prevTo = addDays(from, -1);
  return { from, to, days, previous: { from: addDays(prevTo, -(days - 1)), to: prevTo } };
}
