import { displayValue, type ChartRow, type ChartSeries, type Format } from "./format";
import { chartAxis, tickLabel, timeTickInterval } from "./ticks";

/**
 * Where everything of a chart goes, worked out on the server so that the page ships a finished SVG
 * (no chart library, nothing to run in the browser). The plot is drawn in a square of VIEW units
 * stretched to the card; lengths on screen (strokes, dots) do not scale with it. Labels are placed
 * in percent of the plot, so they stay readable at any width.
 */
export const VIEW = 1000;
/** How tall a counted zero is drawn (a sliver on the baseline; an empty bucket draws nothing). */
export const ZERO_SLIVER = 8;
/** Lines with at most this many points show each point as a dot. */
const DOTS_UP_TO = 31;

export type Bar = { key: string; x: number; y: number; width: number; height: number; color: string };
export type Line = { key: string; label: string; color: string; d: string };
export type Dot = { key: string; x: number; y: number; color: string };
/** One path per series: its bars as closed rectangles, or its dots as zero-length strokes with round caps. */
export type Shape = { key: string; color: string; d: string };
/** One column per period, over the whole height: what a pointer over it is told (the period and each value). */
export type Band = { x: number; width: number; title: string };

export type ChartGeometry = {
  /** Value axis ticks: label and height in percent from the top. */
  ticks: { label: string; top: number }[];
  /** Period labels shown (every few periods where there are many): centre in percent from the left. */
  periods: { label: string; left: number }[];
  bars: Bar[];
  lines: Line[];
  dots: Dot[];
  bands: Band[];
  legend: { label: string; color: string }[];
};

const byKey = <T extends { key: string; color: string }>(items: T[], draw: (item: T) => string): Shape[] => {
  const shapes = new Map<string, Shape>();
  for (const item of items) {
    const shape =
      shapes.get(item.key) ?? shapes.set(item.key, { key: item.key, color: item.color, d: "" }).get(item.key)!;
    shape.d += draw(item);
  }
  return [...shapes.values()];
};

/** The bars of each series as one path (a page of charts draws hundreds of bars). */
export const barPaths = (bars: Bar[]) => byKey(bars, (b) => `M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}z`);

/** The dots of each series as one path. */
export const dotPaths = (dots: Dot[]) => byKey(dots, (d) => `M${d.x} ${d.y}h0`);

const r1 = (v: number) => Math.round(v * 10) / 10;

export function chartGeometry(rows: ChartRow[], series: ChartSeries[], kind: "bar" | "line"): ChartGeometry {
  const format: Format = series[0]?.format ?? "int";
  const value = (row: ChartRow, s: ChartSeries) => {
    const v = row[s.key];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const axis = chartAxis(
    rows.flatMap((row) => series.map((s) => value(row, s))),
    format,
  );
  const [low, high] = axis.domain;
  const span = high - low || 1;
  // Height from the top, in VIEW units; positions are drawn with 1 at the top.
  const yOf = (v: number) => {
    const share = (Math.min(high, Math.max(low, v)) - low) / span;
    return (axis.reversed ? share : 1 - share) * VIEW;
  };
  const n = Math.max(rows.length, 1);
  const band = VIEW / n;
  const centre = (i: number) => (i + 0.5) * band;

  const bars: Bar[] = [];
  const lines: Line[] = [];
  const dots: Dot[] = [];
  if (kind === "bar") {
    const group = band * 0.8;
    const width = group / Math.max(series.length, 1);
    const base = yOf(Math.min(high, Math.max(low, 0)));
    rows.forEach((row, i) =>
      series.forEach((s, j) => {
        const v = value(row, s);
        if (v === null) return;
        const top = yOf(v);
        const height = Math.abs(base - top);
        const x = r1(i * band + (band - group) / 2 + j * width + width * 0.05);
        bars.push(
          height === 0
            ? { key: s.key, x, y: r1(base - ZERO_SLIVER), width: r1(width * 0.9), height: ZERO_SLIVER, color: s.color }
            : { key: s.key, x, y: r1(Math.min(base, top)), width: r1(width * 0.9), height: r1(height), color: s.color },
        );
      }),
    );
  } else {
    for (const s of series) {
      const values = rows.map((row) => value(row, s));
      let d = "";
      values.forEach((v, i) => {
        if (v === null) return;
        // A missing value breaks the line: the next point starts a new piece.
        d += `${i > 0 && values[i - 1] !== null ? "L" : "M"}${r1(centre(i))} ${r1(yOf(v))}`;
        const alone = (i === 0 || values[i - 1] === null) && (i === values.length - 1 || values[i + 1] === null);
        if (rows.length <= DOTS_UP_TO || alone)
          dots.push({ key: s.key, x: r1(centre(i)), y: r1(yOf(v)), color: s.color });
      });
      lines.push({ key: s.key, label: s.label, color: s.color, d });
    }
  }

  const every = timeTickInterval(rows.length) + 1;
  return {
    ticks: axis.ticks.map((t) => ({ label: tickLabel(t, axis.step, format), top: r1((yOf(t) / VIEW) * 100) })),
    periods: rows.flatMap((row, i) =>
      i % every === 0 ? [{ label: row.label, left: r1((centre(i) / VIEW) * 100) }] : [],
    ),
    bars,
    lines,
    dots,
    bands: rows.map((row, i) => ({
      x: r1(i * band),
      width: r1(band),
      title: [row.label, ...series.map((s) => `${s.label}: ${displayValue(value(row, s), s.format)}`)].join("\n"),
    })),
    legend: series.length > 1 ? series.map((s) => ({ label: s.label, color: s.color })) : [],
  };
}
