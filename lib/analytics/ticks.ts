import type { Format } from "./format";

/**
 * A chart's value axis that never misleads: a domain that fits the data (from zero for counts
 * and rates, around the data for ratings), a few "nice" steps (1, 2, 2.5 or 5 times a power of
 * ten) and labels with exactly as many decimals as the step needs, so no two ticks read the same
 * (0.5 %, 1 %, 1.5 % — never 0 %, 0 %, 1 %, 1 %).
 */
export type Axis = { domain: [number, number]; ticks: number[]; step: number };

const NICE = [1, 2, 2.5, 5, 10];
/** The smallest step each format can show: one install, 0.1 percentage point, 0.1 star. */
const MIN_STEP: Record<Format, number> = { int: 1, pct: 0.001, rating: 0.1, rank: 1 };
const round = (v: number) => Math.round(v * 1e9) / 1e9;

function niceStep(raw: number, format: Format): number {
  const min = MIN_STEP[format];
  if (!(raw > min)) return min;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = NICE.map((n) => n * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  // Counts and positions move in whole steps: no 2.5 installs, no rank 2.5.
  if ((format === "int" || format === "rank") && !Number.isInteger(round(step))) return Math.ceil(step);
  return round(step);
}

export function valueAxis(values: (number | null | undefined)[], format: Format, count = 5): Axis {
  const data = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  let low = data.length ? Math.min(...data) : 0;
  let high = data.length ? Math.max(...data) : 0;
  if (format === "rating") {
    low = Math.max(1, low);
    high = Math.min(5, Math.max(high, low));
  } else if (format === "rank") {
    // Positions start at 1 (drawn at the top: the axis is reversed where it is drawn).
    low = 1;
    high = Math.max(high, 2);
  } else {
    low = Math.min(0, low);
    high = Math.max(0, high);
  }
  if (high - low < MIN_STEP[format]) {
    if (format === "rating") [low, high] = [Math.max(1, low - 0.5), Math.min(5, high + 0.5)];
    else high = low + MIN_STEP[format] * (format === "int" || format === "rank" ? 1 : 10);
  }
  const step = niceStep((high - low) / (count - 1), format);
  const start = format === "rank" ? 1 : round(Math.floor(round(low / step)) * step);
  const end = round(Math.ceil(round(high / step)) * step);
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 1e6; v = round(v === 1 && format === "rank" && step > 1 ? step : v + step))
    ticks.push(v);
  return { domain: [start, end], ticks, step };
}

/**
 * A chart's value axis: the domain and the ticks of one `valueAxis`, drawn exactly there (a 4.1–4.5
 * rating domain is not rounded out to whole stars), upside down for positions.
 */
export function chartAxis(values: (number | null | undefined)[], format: Format) {
  const axis = valueAxis(values, format);
  return {
    ...axis,
    reversed: format === "rank",
  };
}

/** Decimals a step needs to show each tick exactly (for percentages, in percent). */
function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

/** The label of a tick on an axis with this step. */
export function tickLabel(value: number, step: number, format: Format): string {
  if (format === "pct") return `${(value * 100).toFixed(decimalsOf(step * 100))}%`;
  if (format === "rank") return `#${value.toLocaleString("en-US")}`;
  const decimals = format === "rating" ? Math.max(1, decimalsOf(step)) : decimalsOf(step);
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * The time axis: how many buckets are skipped between two labels (labels every nth bucket, counted
 * from the first) so that at most `max` labels show, at regular calendar steps — never the
 * irregular pick of a minimum gap.
 */
export const timeTickInterval = (buckets: number, max = 6) => Math.max(0, Math.ceil(buckets / max) - 1);
