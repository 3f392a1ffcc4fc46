import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, record } from "./bench-kit";
import { runCommand, waitForUrl } from "./process";

/** What a newcomer waits for, from a fresh clone of this commit: `npm ci`, then `npm run demo` until its page answers. */
export const FRESH_CLONE_GOAL_S = 180;

/**
 * A fresh clone of the committed project (uncommitted changes are not in it), `npm ci` and `npm run
 * demo` timed as a newcomer runs them, on ports of its own; the demo is stopped once it serves.
 */
export async function freshCloneFigures(ports = { app: 3395, emulator: 4395 }) {
  const dir = mkdtempSync(join(tmpdir(), "listing-studio-fresh-"));
  try {
    await runCommand("git", ["clone", "--quiet", process.cwd(), dir], process.env, { quiet: true });
    const started = performance.now();
    await runCommand("npm", ["ci", "--no-audit", "--no-fund"], process.env, { quiet: true, cwd: dir });
    const installed = performance.now();
    const demo = spawn("npm", ["run", "demo"], {
      cwd: dir,
      env: { ...process.env, PORT: String(ports.app), EMULATOR_PORT: String(ports.emulator) },
      stdio: "ignore",
      detached: true,
    });
    try {
      await waitForUrl(`http://localhost:${ports.app}/`, 600_000);
    } finally {
      // The demo and everything it started (the server, the emulator).
      try {
        process.kill(-demo.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    const serving = performance.now();
    const ci = (installed - started) / 1000;
    const demoS = (serving - installed) / 1000;
    const total = ci + demoS;
    console.log(
      `\nfresh clone: npm ci ${fmt(ci)} s + npm run demo until it serves ${fmt(demoS)} s = ${fmt(total)} s (goal ≤ ${FRESH_CLONE_GOAL_S} s) ${total <= FRESH_CLONE_GOAL_S ? "✓" : "✗"}`,
    );
    record(
      "fresh clone: npm ci + npm run demo until it serves",
      `${fmt(total)} s (npm ci ${fmt(ci)} s + demo ${fmt(demoS)} s)`,
      `≤ ${FRESH_CLONE_GOAL_S} s`,
      total <= FRESH_CLONE_GOAL_S,
      total,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
