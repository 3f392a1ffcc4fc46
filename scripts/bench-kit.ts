import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import autocannon from "autocannon";

/** What every figure of `npm run bench` is measured and reported with: the server's address, load runs and the summary table. */

export const PORT = Number(process.env.BENCH_PORT ?? 3390);
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 50;
export const MEMORY_BUDGET = 512 * 1024 * 1024;
export const UPLOADS = 8;
export const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
export const base = `http://localhost:${PORT}`;

export type Figure = { rps: number; p99: number; requests: number; errors: number };

/** What a bench server runs with besides its database: fresh secrets for this run, `npm start`'s heap. */
export const serverEnv = () => ({
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_PIPEDRIVE_ID: "bench",
  AUTH_PIPEDRIVE_SECRET: randomBytes(24).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXT_TELEMETRY_DISABLED: "1",
  // As `npm start` runs it: a heap sized for a 512 MB container (README, Operations).
  NODE_OPTIONS: "--max-old-space-size=256",
});

/**
 * Every figure of the run, for the summary at the end: what was measured, its goal, and whether it
 * met it (null: recorded without a goal, or skipped with the reason in `value`). `measured` is the
 * bare number behind `value`, for comparing runs.
 */
export type SummaryRow = { figure: string; value: string; budget: string; ok: boolean | null; measured?: number };
export const summary: SummaryRow[] = [];
export const record = (figure: string, value: string, budget: string, ok: boolean | null, measured?: number) =>
  summary.push({ figure, value, budget, ok, ...(measured === undefined ? {} : { measured }) });

/**
 * One part of the bench: a failure is recorded as that part's ✗ with its reason, and the rest of the
 * bench still runs.
 */
export async function section(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(`\n${name}: failed (${reason})`);
    record(name, `failed: ${reason.split("\n")[0]}`, "runs", false);
  }
}

/** Whether a program is on the PATH (a figure that needs it is skipped, with the reason, when not). */
export function hasProgram(name: string, path = process.env.PATH ?? ""): boolean {
  try {
    execSync(`command -v ${name}`, { stdio: "ignore", env: { ...process.env, PATH: path }, shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
}

export async function load(url: string): Promise<Figure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  const bad = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p99: result.latency.p99, requests: result.requests.total, errors: bad };
}

/** The mean rate and the worse p99 of several runs of the same figure. */
export function combine(runs: Figure[]): Figure {
  return {
    rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
    p99: Math.max(...runs.map((r) => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const mark = (ok: boolean | null) => (ok === null ? "" : ok ? "✓" : "✗");

/** The summary as a Markdown table, with a count of goals met. */
export function summaryTable(rows: readonly SummaryRow[] = summary): string {
  const met = rows.filter((r) => r.ok === true).length;
  const missed = rows.filter((r) => r.ok === false).length;
  return [
    "## Summary",
    "",
    "| figure | value | goal | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.budget} | ${mark(r.ok)} |`),
    "",
    `${met} goals met ✓, ${missed} missed ✗, ${rows.length - met - missed} recorded without a goal.`,
  ].join("\n");
}

/**
 * The summary as JSON, for comparing runs: the figures with their goals, when and where they were
 * measured. Written to `file` and answered.
 */
export function writeSummary(file: string, rows: readonly SummaryRow[] = summary, startedAt = new Date()) {
  let commit: string | null = null;
  try {
    commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit,
    machine: { cpus: cpus().length, memoryMb: Math.round(totalmem() / 1024 / 1024), node: process.version },
    met: rows.filter((r) => r.ok === true).length,
    missed: rows.filter((r) => r.ok === false).length,
    figures: rows.map((r) => ({ ...r, mark: mark(r.ok) })),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** Where a run's JSON summary goes: data/bench/<start time>.json, beside data/bench/latest.json. */
export const summaryFile = (startedAt: Date, dir = join("data", "bench")) =>
  join(dir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);

export function printSummary(startedAt = new Date()) {
  console.log(`\n${summaryTable()}`);
  const file = summaryFile(startedAt);
  writeSummary(file, summary, startedAt);
  writeSummary(join(dirname(file), "latest.json"), summary, startedAt);
  console.log(`\nThe same summary as JSON: ${file} (and ${join(dirname(file), "latest.json")})`);
}
