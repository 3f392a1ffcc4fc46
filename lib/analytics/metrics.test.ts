import { describe, expect, it } from "vitest";
import {
  activeAfter30Days,
  change,
  cohorts,
  countSeries,
  installSeries,
  ratingSeries,
  sumSeries,
  totalsOf,
  type DayRow,
} from "./metrics";

const row = (
  day: string,
  installs: number,
  uninstalls: number,
  activeEnd: number,
  extra: Partial<DayRow> = {},
): DayRow => ({
  day,
  installStarted: 0,
  consentDenied: 0,
  consentGranted: 0,
  installs,
  uninstalls,
  activeEnd,
  ...extra,
});

describe("installSeries", () => {
  // Hand-computed: 10 active before 1 March; days with events on 2, 3 and 9 March.
  const rows = [
    row("2026-03-02", 4, 1, 13, { installStarted: 6, consentDenied: 1, consentGranted: 5 }),
    row("2026-03-03", 0, 3, 10),
    row("2026-03-09", 2, 0, 12, { installStarted: 2, consentGranted: 2 }),
  ];

  it("fills empty days with zeros and carries the active count", () => {
    const days = installSeries(rows, "2026-03-01", "2026-03-04", "day", 10);
    expect(days.map((p) => [p.key, p.installs, p.uninstalls, p.activeStart, p.activeEnd])).toEqual([
      ["2026-03-01", 0, 0, 10, 10],
      ["2026-03-02", 4, 1, 10, 13],
      ["2026-03-03", 0, 3, 13, 10],
      ["2026-03-04", 0, 0, 10, 10],
    ]);
    expect(days[2]!.churnRate).toBeCloseTo(3 / 13);
    expect(days[0]!.churnRate).toBe(0);
    expect(days[1]!.deniedRate).toBeCloseTo(1 / 6);
    expect(days[0]!.deniedRate).toBeNull();
  });

  it("weeks: sums, churn over the installations active at some point of the week", () => {
    const weeks = installSeries(rows, "2026-03-01", "2026-03-15", "week", 10);
    expect(
      weeks.map((p) => [p.key, p.from, p.to, p.installs, p.uninstalls, p.net, p.activeStart, p.activeEnd]),
    ).toEqual([
      ["2026-02-23", "2026-03-01", "2026-03-01", 0, 0, 0, 10, 10],
      ["2026-03-02", "2026-03-02", "2026-03-08", 4, 4, 0, 10, 10],
      ["2026-03-09", "2026-03-09", "2026-03-15", 2, 0, 2, 10, 12],
    ]);
    expect(weeks[1]!.churnRate).toBeCloseTo(4 / 14); // 10 at the start, 4 installed
    const totals = totalsOf(weeks);
    expect(totals).toMatchObject({
      installs: 6,
      uninstalls: 4,
      net: 2,
      activeEnd: 12,
      started: 8,
      denied: 1,
      granted: 7,
    });
    expect(totals.churnRate).toBeCloseTo(4 / 16);
  });

  it("has a churn rate for a period that starts with nothing active (an app's first year)", () => {
    const first = installSeries(
      [row("2026-01-10", 10, 0, 10), row("2026-06-01", 0, 3, 7)],
      "2026-01-01",
      "2026-12-31",
      "month",
      0,
    );
    expect(totalsOf(first).churnRate).toBeCloseTo(3 / 10);
  });

  it("adds apps bucket by bucket and recomputes the rates", () => {
    const a = installSeries(rows, "2026-03-02", "2026-03-03", "day", 10);
    const b = installSeries([row("2026-03-03", 1, 1, 4)], "2026-03-02", "2026-03-03", "day", 4);
    const sum = sumSeries([a, b]);
    expect(sum.map((p) => [p.installs, p.uninstalls, p.activeStart, p.activeEnd])).toEqual([
      [4, 1, 14, 17],
      [1, 4, 17, 14],
    ]);
    expect(sum[1]!.churnRate).toBeCloseTo(4 / 18);
  });
});

describe("comparisons and the funnel", () => {
  it("gives the delta and the percentage, none against zero", () => {
    expect(change(12, 8)).toEqual({ current: 12, previous: 8, delta: 4, pct: 0.5 });
    expect(change(3, 0)).toEqual({ current: 3, previous: 0, delta: 3, pct: null });
    expect(change(null, 2).delta).toBeNull();
  });

  it("counts installs still active 30 days later among those old enough", () => {
    const day = 86_400_000;
    const now = 100 * day;
    expect(
      activeAfter30Days(
        [
          { installedAt: 10 * day, uninstalledAt: null },
          { installedAt: 10 * day, uninstalledAt: 20 * day },
          { installedAt: 10 * day, uninstalledAt: 40 * day },
          { installedAt: 90 * day, uninstalledAt: null },
        ],
        now,
      ),
    ).toEqual({ eligible: 3, retained: 2 });
  });
});

describe("cohorts", () => {
  it("retention by months since install, in the zone's months, future months empty", () => {
    const t = (iso: string) => Date.parse(iso);
    const rows = [
      { installedAt: t("2026-01-05T10:00:00Z"), uninstalledAt: null },
      { installedAt: t("2026-01-20T10:00:00Z"), uninstalledAt: t("2026-02-10T00:00:00Z") },
      { installedAt: t("2026-01-31T23:30:00Z"), uninstalledAt: t("2026-03-15T00:00:00Z") }, // 1 Feb in Berlin
      { installedAt: t("2026-02-03T10:00:00Z"), uninstalledAt: t("2026-02-04T00:00:00Z") },
    ];
    const result = cohorts(rows, ["2026-01-01", "2026-02-01"], "Europe/Berlin", t("2026-03-20T00:00:00Z"), 3);
    expect(result).toEqual([
      { month: "2026-01-01", size: 2, retention: [1, 0.5, null] },
      { month: "2026-02-01", size: 2, retention: [0.5, null, null] },
    ]);
  });
});

describe("cohorts against a direct count", () => {
  it("agrees with counting each cell one by one, on random installs in a DST zone", async () => {
    const { addMonths, startOfDay } = await import("@/lib/days");
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = Date.parse("2025-01-01T00:00:00Z");
    const span = 400 * 86_400_000;
    const rows = Array.from({ length: 500 }, () => {
      const installedAt = start + Math.floor(random() * span);
      return {
        installedAt,
        uninstalledAt: random() < 0.5 ? null : installedAt + Math.floor(random() * 200 * 86_400_000),
      };
    });
    const months = Array.from({ length: 12 }, (_, k) => addMonths("2025-01-01", k));
    const now = Date.parse("2026-02-15T00:00:00Z");
    const tz = "America/New_York";
    const direct = months.map((m) => {
      const members = rows.filter(
        (r) => r.installedAt >= startOfDay(m, tz) && r.installedAt < startOfDay(addMonths(m, 1), tz),
      );
      return {
        month: m,
        size: members.length,
        retention: Array.from({ length: 12 }, (_, k) => {
          const end = startOfDay(addMonths(m, k + 1), tz);
          return end > now || members.length === 0
            ? null
            : members.filter((r) => r.uninstalledAt === null || r.uninstalledAt >= end).length / members.length;
        }),
      };
    });
    expect(cohorts(rows, months, tz, now)).toEqual(direct);
  });
});

describe("ratings and counts", () => {
  it("carries the last rating into buckets without a read", () => {
    const points = ratingSeries(
      [
        { day: "2026-03-03", average: 4.2, reviewCount: 10 },
        { day: "2026-03-04", average: 4.1, reviewCount: 11 },
      ],
      { day: "2026-02-20", average: 4.5, reviewCount: 8 },
      "2026-03-01",
      "2026-03-05",
      "day",
    );
    expect(points.map((p) => p.average)).toEqual([4.5, 4.5, 4.2, 4.1, 4.1]);
    expect(ratingSeries([], null, "2026-03-01", "2026-03-01", "day")).toEqual([
      { key: "2026-03-01", average: null, reviewCount: null },
    ]);
  });

  it("sums daily counts per bucket", () => {
    expect(
      countSeries(
        [
          { day: "2026-03-02", count: 3 },
          { day: "2026-03-31", count: 1 },
          { day: "2026-04-01", count: 5 },
        ],
        "2026-03-01",
        "2026-04-30",
        "month",
      ),
    ).toEqual([
      { key: "2026-03-01", count: 4 },
      { key: "2026-04-01", count: 5 },
    ]);
  });
});
