import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Format } from "./format";
import { chartAxis, tickLabel, timeTickInterval, valueAxis } from "./ticks";

const labels = (values: (number | null)[], format: Format) => {
  const axis = valueAxis(values, format);
  return axis.ticks.map((t) => tickLabel(t, axis.step, format));
};

describe("chart value axes", () => {
  it("gives small percentages distinct labels with the decimals they need", () => {
    expect(labels([0.004, 0.012, 0.015, null], "pct")).toEqual(["0.0%", "0.5%", "1.0%", "1.5%"]);
    expect(labels([0.02, 0.31], "pct")).toEqual(["0%", "10%", "20%", "30%", "40%"]);
    expect(labels([0.0, 0.0025], "pct")).toEqual(["0.0%", "0.1%", "0.2%", "0.3%"]);
  });

  it("counts in whole steps, from zero, with thousands separated", () => {
    expect(labels([0, 1, 2], "int")).toEqual(["0", "1", "2"]);
    expect(labels([3, 7, 12], "int")).toEqual(["0", "5", "10", "15"]);
    expect(labels([1200, 9712], "int")).toEqual(["0", "2,500", "5,000", "7,500", "10,000"]);
    expect(labels([-3, 8], "int")).toEqual(["-5", "0", "5", "10"]);
  });

  it("gives the chart a domain that is its first and last tick, with decimals allowed when the ticks have them", () => {
    for (const [values, format] of [
      [[4.1, 4.5, 4.3], "rating"],
      [[5, 5], "rating"],
      [[0.004, 0.015], "pct"],
      [[3, 12], "int"],
      [[2, 9], "rank"],
    ] as [number[], Format][]) {
      const axis = chartAxis(values, format);
      expect(axis.domain, format).toEqual([axis.ticks[0], axis.ticks.at(-1)]);
      for (const v of values) expect(v >= axis.domain[0] && v <= axis.domain[1], `${v} in ${axis.domain}`).toBe(true);
    }
    // A year of 4.1–4.5 ratings is drawn on 4.1–4.5, not rounded out to whole stars.
    expect(chartAxis([4.1, 4.5], "rating")).toMatchObject({ domain: [4.1, 4.5] });
    expect(chartAxis([2, 9], "rank").reversed).toBe(true);
  });

  it("fits ratings around the data, within 1–5", () => {
    expect(valueAxis([4.3, 4.6, 4.5], "rating")).toMatchObject({ domain: [4.3, 4.6] });
    expect(labels([4.3, 4.6], "rating")).toEqual(["4.3", "4.4", "4.5", "4.6"]);
    expect(labels([4.7, 4.7], "rating")).toEqual(["4.2", "4.4", "4.6", "4.8", "5.0"]);
    expect(valueAxis([1, 5], "rating").domain).toEqual([1, 5]);
  });

  it("has an axis with no data at all", () => {
    expect(labels([null, null], "int")).toEqual(["0", "1"]);
    expect(labels([], "pct")).toEqual(["0.00%", "0.25%", "0.50%", "0.75%", "1.00%"]);
  });

  it("always covers the data with distinct, increasing labels (property)", () => {
    const format = fc.constantFrom<Format>("int", "pct", "rating");
    fc.assert(
      fc.property(
        format,
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (f, raw) => {
          const values = raw.map((v) => (f === "pct" ? v / 1e6 : f === "rating" ? 1 + (v / 1e6) * 4 : Math.round(v)));
          const axis = valueAxis(values, f);
          expect(axis.domain[0]).toBeLessThanOrEqual(Math.min(...values) + 1e-9);
          expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...values) - 1e-9);
          expect(axis.ticks.length).toBeLessThanOrEqual(7);
          const text = axis.ticks.map((t) => tickLabel(t, axis.step, f));
          expect(new Set(text).size).toBe(text.length);
          for (let i = 1; i < axis.ticks.length; i++) expect(axis.ticks[i]!).toBeGreaterThan(axis.ticks[i - 1]!);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("rank axis", () => {
  it("starts at 1, steps in whole places and labels ranks", () => {
    expect(valueAxis([3, 7, 12], "rank")).toEqual({ domain: [1, 15], ticks: [1, 5, 10, 15], step: 5 });
    expect(valueAxis([5, 5], "rank").ticks).toEqual([1, 2, 3, 4, 5]);
    expect(valueAxis([], "rank").domain).toEqual([1, 2]);
    expect(tickLabel(10, 5, "rank")).toBe("#10");
  });
});

describe("the time axis", () => {
  it("labels every nth bucket: at most six labels, at regular steps", () => {
    const shown = (buckets: number) => {
      const every = timeTickInterval(buckets) + 1;
      return Array.from({ length: buckets }, (_, i) => i).filter((i) => i % every === 0);
    };
    expect(shown(12)).toEqual([0, 2, 4, 6, 8, 10]); // 12 months: every other month
    expect(shown(5)).toEqual([0, 1, 2, 3, 4]);
    const weeks = shown(104); // two years of weeks
    expect(weeks.length).toBeLessThanOrEqual(6);
    expect(new Set(weeks.slice(1).map((w, i) => w - weeks[i]!)).size).toBe(1);
  });
});
