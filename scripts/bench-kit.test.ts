import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasProgram, record, section, summary, summaryFile, summaryTable, writeSummary } from "./bench-kit";

describe("the bench's summary", () => {
  it("shows every figure with its goal, ✓ or ✗, as a table and as JSON for comparing runs", () => {
    summary.length = 0;
    record("landing page ÷ static file (req/s)", "0.62 (3,100 req/s)", "≥ 0.5", true, 0.62);
    record("first-load JS, heaviest dashboard page", "205.4 kB (/apps/[appId]/listing)", "≤ 200 kB", false, 205.4);
    record("share page ÷ plain Node http (req/s)", "0.41", "record", null);
    const table = summaryTable();
    expect(table).toContain("| landing page ÷ static file (req/s) | 0.62 (3,100 req/s) | ≥ 0.5 | ✓ |");
    expect(table).toContain(
      "| first-load JS, heaviest dashboard page | 205.4 kB (/apps/[appId]/listing) | ≤ 200 kB | ✗ |",
    );
    expect(table).toContain("| share page ÷ plain Node http (req/s) | 0.41 | record |  |");
    expect(table).toContain("1 goals met ✓, 1 missed ✗, 1 recorded without a goal.");

    const started = new Date("2026-12-07T09:30:00.000Z");
    const file = summaryFile(started, mkdtempSync(join(tmpdir(), "bench-summary-")));
    expect(file).toMatch(/2026-12-07T09-30-00-000Z\.json$/);
    writeSummary(file, summary, started);
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      startedAt: string;
      met: number;
      missed: number;
      machine: { cpus: number };
      figures: { figure: string; value: string; budget: string; ok: boolean | null; mark: string; measured?: number }[];
    };
    expect(json.startedAt).toBe(started.toISOString());
    expect(json).toMatchObject({ met: 1, missed: 1 });
    expect(json.machine.cpus).toBeGreaterThan(0);
    expect(json.figures).toEqual([
      {
        figure: "landing page ÷ static file (req/s)",
        value: "0.62 (3,100 req/s)",
        budget: "≥ 0.5",
        ok: true,
        mark: "✓",
        measured: 0.62,
      },
      {
        figure: "first-load JS, heaviest dashboard page",
        value: "205.4 kB (/apps/[appId]/listing)",
        budget: "≤ 200 kB",
        ok: false,
        mark: "✗",
        measured: 205.4,
      },
      { figure: "share page ÷ plain Node http (req/s)", value: "0.41", budget: "record", ok: null, mark: "" },
    ]);
  });

  it("records a part that fails as ✗ with its reason, and goes on", async () => {
    summary.length = 0;
    await section("events API with REDIS_URL", async () => {
      throw new Error("redis-server did not start: port taken");
    });
    await section("sync at real-world latency", async () => {
      record("sync of the demo workspace", "41 s", "≤ 60 s", true);
    });
    expect(summary).toEqual([
      {
        figure: "events API with REDIS_URL",
        value: "failed: redis-server did not start: port taken",
        budget: "runs",
        ok: false,
      },
      { figure: "sync of the demo workspace", value: "41 s", budget: "≤ 60 s", ok: true },
    ]);
  });

  it("tells whether a program the bench needs is installed", () => {
    expect(hasProgram("sh", "/bin:/usr/bin")).toBe(true);
    expect(hasProgram("redis-server", mkdtempSync(join(tmpdir(), "empty-path-")))).toBe(false);
  });
});
