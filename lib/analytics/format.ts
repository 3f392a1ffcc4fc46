import type { BucketSize } from "./time";

/** How analytics figures read, the same in charts, tables, tooltips and CSV exports. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function bucketLabel(key: string, size: BucketSize, range?: { from: string; to: string }): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  if (size === "month") return `${MONTHS[m - 1]} ${y}`;
  // Where the range spans years, a day says which year it is in.
  const day = `${d} ${MONTHS[m - 1]}${range && range.from.slice(0, 4) !== range.to.slice(0, 4) ? ` ${y}` : ""}`;
  return size === "week" ? `Week of ${day}` : day;
}

/** `rank`: a position in a list (1 is first), drawn with 1 at the top. */
export type Format = "int" | "pct" | "rating" | "rank";

/** A chart's data, shared by the card (table view, CSV) and the plot: one row per period, one key per series. */
export type ChartRow = { label: string } & Record<string, number | string | null>;
export type ChartSeries = { key: string; label: string; color: string; format: Format };

/** The value as exported: integers, percentages with one decimal, ratings with two; empty when unknown. */
export function exportValue(value: number | null | undefined, format: Format): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  if (format === "pct") return (value * 100).toFixed(1);
  if (format === "rating") return value.toFixed(2);
  return String(Math.round(value));
}

/** The value as shown: the exported value, with its unit. */
export function displayValue(value: number | null | undefined, format: Format): string {
  const v = exportValue(value, format);
  if (v === "") return "—";
  if (format === "pct") return `${v}%`;
  if (format === "int") return Number(v).toLocaleString("en-US");
  if (format === "rank") return `#${Number(v).toLocaleString("en-US")}`;
  return v;
}

/** "+12 (+8.0%)", "−3", "no change": a change against the previous period. */
export function deltaText(delta: number | null, pct: number | null, format: Format): string {
  if (delta === null) return "no previous figure";
  if (Math.abs(delta) < 1e-9) return "no change";
  const sign = delta > 0 ? "+" : "−";
  const body =
    format === "pct"
      ? `${(Math.abs(delta) * 100).toFixed(1)} pts`
      : format === "rating"
        ? Math.abs(delta).toFixed(2)
        : Math.abs(Math.round(delta)).toLocaleString("en-US");
  return `${sign}${body}${pct !== null && format === "int" ? ` (${sign}${Math.abs(pct * 100).toFixed(1)}%)` : ""}`;
}

/** One color per line when several are drawn (apps compared, lists), distinct on white and for common color blindness. */
export const CHART_PALETTE = [
  "#1c7ed6",
  "#e8590c",
  "#2b8a3e",
  "#9c36b5",
  "#c92a2a",
  "#0b7285",
  "#5c940d",
  "#d6336c",
  "#495057",
  "#f08c00",
];
