import { describe, expect, it } from "vitest";
import { addMonths, isTimeZone, localDay, startOfDay } from "@/lib/days";
import { bucketsOf, bucketStart, resolveRange } from "./time";

describe("local days", () => {
  it("puts an instant on the local date of the zone, across the spring DST change", () => {
    // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026.
    expect(localDay(Date.parse("2026-03-28T22:59:59Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(localDay(Date.parse("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDay(Date.parse("2026-03-29T21:59:59Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDay(Date.parse("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    expect(localDay(Date.parse("2026-03-29T22:00:00Z"), "UTC")).toBe("2026-03-29");
    expect(localDay(Date.parse("2026-11-28T20:00:00Z"), "Asia/Kolkata")).toBe("2026-11-29");
  });

  it("finds when a local day starts, 23- and 25-hour days included", () => {
    expect(new Date(startOfDay("2026-03-29", "Europe/Berlin")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Berlin") - startOfDay("2026-03-29", "Europe/Berlin")).toBe(23 * 3_600_000);
    expect(startOfDay("2026-10-26", "Europe/Berlin") - startOfDay("2026-10-25", "Europe/Berlin")).toBe(25 * 3_600_000);
    expect(new Date(startOfDay("2026-11-29", "Asia/Kolkata")).toISOString()).toBe("2026-11-28T18:30:00.000Z");
    expect(new Date(startOfDay("2026-11-29", "America/New_York")).toISOString()).toBe("2026-11-29T05:00:00.000Z");
    // Where midnight is skipped (Santiago springs forward at 00:00), the day starts at 01:00.
    expect(new Date(startOfDay("2026-09-06", "America/Santiago")).toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("knows real zones", () => {
    expect(isTimeZone("Europe/Tallinn")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("buckets", () => {
  it("weeks start on Monday, months on the 1st, across year and month ends", () => {
    expect(bucketStart("2027-01-01", "week")).toBe("2026-12-28");
    expect(bucketStart("2026-03-29", "week")).toBe("2026-03-23");
    expect(bucketStart("2026-02-28", "month")).toBe("2026-02-01");
  });

  it("fills every bucket of a range, clipped to it, none skipped", () => {
    expect(bucketsOf("2026-01-30", "2026-03-02", "month")).toEqual([
      { key: "2026-01-01", from: "2026-01-30", to: "2026-01-31" },
      { key: "2026-02-01", from: "2026-02-01", to: "2026-02-28" },
      { key: "2026-03-01", from: "2026-03-01", to: "2026-03-02" },
    ]);
    expect(bucketsOf("2026-03-27", "2026-04-06", "week").map((b) => [b.key, b.from, b.to])).toEqual([
      ["2026-03-23", "2026-03-27", "2026-03-29"],
      ["2026-03-30", "2026-03-30", "2026-04-05"],
      ["2026-04-06", "2026-04-06", "2026-04-06"],
    ]);
    // The DST weekend has its three days, one bucket each.
    expect(bucketsOf("2026-03-28", "2026-03-30", "day").map((b) => b.key)).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
    expect(bucketsOf("2024-01-01", "2026-12-31", "day")).toHaveLength(366 + 365 + 365);
  });

  it("adds months at month ends", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2026-11-28", -12)).toBe("2025-11-28");
  });
});

describe("resolveRange", () => {
  it("ends today and compares with the period just before, of the same length", () => {
    expect(resolveRange("7d", "2026-11-28")).toEqual({
      from: "2026-11-22",
      to: "2026-11-28",
      days: 7,
      previous: { from: "2026-11-15", to: "2026-11-21" },
    });
    expect(resolveRange("12m", "2026-11-28")).toMatchObject({ from: "2025-11-29", to: "2026-11-28", days: 365 });
    expect(resolveRange("custom", "2026-11-28", { from: "2026-02-01", to: "2026-02-28" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
      days: 28,
      previous: { from: "2026-01-04", to: "2026-01-31" },
    });
  });
});
