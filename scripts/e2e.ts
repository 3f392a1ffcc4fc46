/**
 * `npm run test:e2e [-- playwright args]`: Playwright against the production build on a
 * fresh temporary SQLite database (migrated from prisma/migrations, with the demo data) and
 * upload folder. Specs make their own workspaces; the demo one is only read.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./process";

const dir = mkdtempSync(join(tmpdir(), "listing-studio-e2e-"));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, "e2e.db")}`, STORAGE_DIR: join(dir, "uploads") };

// The app server's output (checked for secrets after the run by e2e/log-check.ts) stays for reading.
mkdirSync("data", { recursive: true });
// Logs of the extra instances an earlier run started (e2e/instances.ts) are not this run's.
for (const file of readdirSync("data")) if (/^e2e-instance-\d+\.log$/.test(file)) rmSync(join("data", file));

try {
  await run("prisma", ["migrate", "deploy"], env, { quiet: true });
  // The demo workspace (the emulator's Alice Novak) is there too, for specs that look at demo data.
  await run("tsx", ["prisma/seed.ts"], env, { quiet: true });
  await run("playwright", ["test", ...process.argv.slice(2)], env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
