import autocannon from "autocannon";
import { run } from "./process";

/** What every figure of `npm run bench` is measured and reported with: the server's address, load runs and the summary table. */

export const PORT = Number(process.env.BENCH_PORT ?? 3390);
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 50;
export const MEMORY_BUDGET = 512 * 1024 * 1024;
export const UPLOADS = 8;
export const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
export const base = `http://localhost:${PORT}`;

export type Figure = { rps: number; p99: number; requests: number; errors: number };

/** Every figure of the run, for the summary table at the end. */
export const summary: { figure: string; value: string; budget: string; ok: boolean | null }[] = [];
export const record = (figure: string, value: string, budget: string, ok: boolean | null) =>
  summary.push({ figure, value, budget, ok });

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

export function printSummary() {
  console.log("\n## Summary\n");
  console.log("| figure | value | budget | |");
  console.log("|---|---|---|---|");
  for (const row of summary)
    console.log(`| ${row.figure} | ${row.value} | ${row.budget} | ${row.ok === null ? "" : row.ok ? "✓" : "✗"} |`);
}
