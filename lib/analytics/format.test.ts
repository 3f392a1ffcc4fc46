import { describe, expect, it } from "vitest";
import { bucketLabel, deltaText, displayValue, exportValue } from "./format";

describe("analytics formatters", () => {
  it("labels buckets", () => {
    expect(bucketLabel("2026-11-23", "week")).toBe("Week of 23 Nov");
    expect(bucketLabel("2026-11-01", "month")).toBe("Nov 2026");
    expect(bucketLabel("2026-03-29", "day")).toBe("29 Mar");
    // A range across years names the year of each day and week.
    const twoYears = { from: "2024-12-07", to: "2026-12-06" };
    expect(bucketLabel("2025-01-06", "week", twoYears)).toBe("Week of 6 Jan 2025");
    expect(bucketLabel("2026-03-29", "day", twoYears)).toBe("29 Mar 2026");
    expect(bucketLabel("2026-03-29", "day", { from: "2026-01-01", to: "2026-12-31" })).toBe("29 Mar");
  });

  it("exports and shows the same numbers", () => {
    expect([exportValue(0.12345, "pct"), displayValue(0.12345, "pct")]).toEqual(["12.3", "12.3%"]);
    expect([exportValue(4.256, "rating"), displayValue(4.256, "rating")]).toEqual(["4.26", "4.26"]);
    expect([exportValue(12345, "int"), displayValue(12345, "int")]).toEqual(["12345", "12,345"]);
    expect([exportValue(null, "pct"), displayValue(null, "pct")]).toEqual(["", "—"]);
  });

  it("writes changes against the previous period", () => {
    expect(deltaText(12, 0.5, "int")).toBe("+12 (+50.0%)");
    expect(deltaText(-3, null, "int")).toBe("−3");
    expect(deltaText(-0.021, -0.1, "pct")).toBe("−2.1 pts");
    expect(deltaText(0.15, 0.04, "rating")).toBe("+0.15");
    expect(deltaText(0, 0, "int")).toBe("no change");
    expect(deltaText(null, null, "int")).toBe("no previous figure");
  });
});
