import { z } from "zod";
import { daysBetween } from "@/lib/days";
import type { BucketSize, RangePreset } from "./time";
import { isoDay } from "@/lib/text/validation";

/** The analytics view as the URL holds it: every control, so a view can be shared. */

export const analyticsQuerySchema = z.object({
  app: z.string().max(64).catch(""),
  range: z.enum(["7d", "30d", "90d", "12m", "custom"]).catch("30d"),
  from: isoDay.or(z.literal("")).catch(""),
  to: isoDay.or(z.literal("")).catch(""),
  bucket: z.enum(["", "day", "week", "month"]).catch(""),
  /** The figure the apps are compared on. */
  compare: z.enum(["installs", "active", "net", "uninstalls", "rating", "reviewCount"]).catch("installs"),
});

export const COMPARE_FIGURES = {
  installs: "Installs",
  active: "Active installs",
  net: "Net growth",
  uninstalls: "Uninstalls",
  rating: "Rating",
  reviewCount: "Reviews",
} as const;
/** The figures read from Marketplace pages: compared among the apps that have one. */
export const MARKETPLACE_FIGURES = new Set<keyof typeof COMPARE_FIGURES>(["rating", "reviewCount"]);
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export { RANGE_LABELS } from "./time";

/** A bucket that keeps a chart readable: days up to a month, weeks up to half a year, then months. */
export function defaultBucket(days: number): BucketSize {
  return days <= 31 ? "day" : days <= 184 ? "week" : "month";
}

/** A custom range must be in order, end by today and span at most three years. */
export function customRange(query: AnalyticsQuery, today: string): { from: string; to: string } | null {
  if (query.range !== "custom" || !query.from || !query.to) return null;
  const to = query.to > today ? today : query.to;
  if (query.from > to || daysBetween(query.from, to) > 366 * 3) return null;
  return { from: query.from, to };
}
