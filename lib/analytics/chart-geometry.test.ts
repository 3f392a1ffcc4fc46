import { describe, expect, it } from "vitest";
import { barPaths, chartGeometry, dotPaths, VIEW, ZERO_SLIVER } from "./chart-geometry";
import type { ChartRow, ChartSeries } from "./format";

const installs: ChartSeries = { key: "i", label: "Installs", color: "#017737", format: "int" };
const uninstalls: ChartSeries = { key: "u", label: "Uninstalls", color: "#e03131", format: "int" };
const rows = (values: (number | null)[][]): ChartRow[] =>
  values.map((v, i) => ({ label: `Day ${i + 1}`, i: v[0] ?? null, u: v[1] ?? null }));

describe("chartGeometry", () => {
  it("draws bars from zero in proportion, a counted zero as a sliver and an empty bucket as nothing", () => {
    const g = chartGeometry(
      rows([
        [40, 4],
        [0, null],
        [20, 10],
      ]),
      [installs, uninstalls],
      "bar",
    );
    const top = g.ticks.at(-1)!;
    expect(g.ticks[0]!.label).toBe("0");
    expect(g.ticks[0]!.top).toBe(100);
    const domainTop = Number(top.label);
    const installBars = g.bars.filter((b) => b.key === "i");
    expect(installBars.map((b) => b.height)).toEqual([
      Math.round((40 / domainTop) * VIEW * 10) / 10,
      ZERO_SLIVER,
      Math.round((20 / domainTop) * VIEW * 10) / 10,
    ]);
    // Each bar stands on the baseline.
    for (const b of g.bars) expect(b.y + b.height).toBeCloseTo(VIEW, 0);
    // The missing uninstall count draws nothing: 5 bars for 6 cells.
    expect(g.bars).toHaveLength(5);
    // Bars of one period stay inside its column, side by side.
    const [first, second] = g.bars as [(typeof g.bars)[0], (typeof g.bars)[0]];
    expect(first.x + first.width).toBeLessThanOrEqual(second.x);
    expect(second.x + second.width).toBeLessThanOrEqual(VIEW / 3);
    expect(g.legend.map((l) => l.label)).toEqual(["Installs", "Uninstalls"]);
    // Drawn as one path per series, a closed rectangle per bar.
    const paths = barPaths(g.bars);
    expect(paths.map((p) => [p.key, p.color, p.d.match(/M/g)!.length])).toEqual([
      ["i", "#017737", 3],
      ["u", "#e03131", 2],
    ]);
    expect(paths[0]!.d.startsWith(`M${first.x} ${first.y}h${first.width}v${first.height}h${-first.width}z`)).toBe(true);
  });

  it("draws negative bars below the baseline", () => {
    const net: ChartSeries = { key: "i", label: "Net growth", color: "#5f3dc4", format: "int" };
    const g = chartGeometry(rows([[5], [-5]]), [net], "bar");
    const zero = g.ticks.find((t) => t.label === "0")!;
    const [up, down] = g.bars as [(typeof g.bars)[0], (typeof g.bars)[0]];
    expect(up.y + up.height).toBeCloseTo((zero.top / 100) * VIEW, 0);
    expect(down.y).toBeCloseTo((zero.top / 100) * VIEW, 0);
    expect(g.legend).toEqual([]);
  });

  it("breaks a line where a value is missing and marks a lone point with a dot", () => {
    const values = Array.from({ length: 40 }, (_, i) => (i === 10 || i === 12 ? null : i));
    const g = chartGeometry(
      values.map((v, i) => ({ label: `D${i}`, i: v })),
      [installs],
      "line",
    );
    const line = g.lines[0]!;
    // Three pieces: 0–9, the lone 11, 13–39.
    expect(line.d.match(/M/g)).toHaveLength(3);
    expect(g.dots).toHaveLength(1);
    expect(g.dots[0]!.x).toBeCloseTo((11.5 / 40) * VIEW, 0);
    // Period labels every few periods, not 40 of them.
    expect(g.periods.length).toBeLessThanOrEqual(7);
    expect(g.periods[0]).toEqual({ label: "D0", left: 1.3 });
  });

  it("shows a dot on every point of a short line", () => {
    const g = chartGeometry(rows([[1], [2], [3]]), [installs], "line");
    expect(g.dots).toHaveLength(3);
    expect(dotPaths(g.dots)).toEqual([
      { key: "i", color: "#017737", d: g.dots.map((d) => `M${d.x} ${d.y}h0`).join("") },
    ]);
    expect(g.lines[0]!.d.startsWith("M")).toBe(true);
    expect(g.lines[0]!.d.match(/L/g)).toHaveLength(2);
  });

  it("puts position 1 at the top", () => {
    const rank: ChartSeries = { key: "i", label: "CRM", color: "#1c7ed6", format: "rank" };
    const g = chartGeometry(rows([[1], [9]]), [rank], "line");
    expect(g.dots[0]!.y).toBe(0);
    expect(g.dots[1]!.y).toBeGreaterThan(g.dots[0]!.y);
    expect(g.ticks[0]!.label).toBe("#1");
    expect(g.ticks[0]!.top).toBe(0);
  });

  it("tells each period's values, formatted as everywhere else, to a pointer over it", () => {
    const rate: ChartSeries = { key: "i", label: "Churn rate", color: "#e03131", format: "pct" };
    const g = chartGeometry(rows([[0.125], [null]]), [rate], "line");
    expect(g.bands.map((b) => b.title)).toEqual(["Day 1\nChurn rate: 12.5%", "Day 2\nChurn rate: —"]);
    expect(g.bands[1]!.x + g.bands[1]!.width).toBe(VIEW);
    // Distinct ticks in percent (no "0%, 0%, 1%").
    expect(new Set(g.ticks.map((t) => t.label)).size).toBe(g.ticks.length);
  });

  it("draws an empty chart without failing", () => {
    const g = chartGeometry([], [installs], "bar");
    expect(g.bars).toEqual([]);
    expect(g.ticks.length).toBeGreaterThan(1);
  });
});
