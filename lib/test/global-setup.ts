import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Builds one database from the committed migrations (tests copy it instead of migrating again),
 * and the share page renderer as `npm run build` does (scripts/share-build.ts).
 */
export default async function setup(project: TestProject) {
  assertClockAhead(process.env.TEST_CLOCK_AHEAD);
  const { buildShareRenderer } = await import("../../scripts/share-build");
  await buildShareRenderer();
  const dir = mkdtempSync(join(tmpdir(), "listing-studio-unit-"));
  const file = join(dir, "template.db");
  execFileSync(join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * With `TEST_CLOCK_AHEAD` (CI runs the unit tests once with `365d`, under Debian's libfaketime), the
 * clock must really be that far past the checked-out commit: otherwise the run would look
 * calendar-proof without having been.
 */
function assertClockAhead(ahead: string | undefined) {
  if (!ahead) return;
  const days = /^(\d+)d$/.exec(ahead)?.[1];
  if (!days) throw new Error(`TEST_CLOCK_AHEAD must be a number of days such as 365d (got "${ahead}")`);
  const commit = Number(execFileSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).trim()) * 1000;
  const aheadMs = Date.now() - commit;
  if (aheadMs < (Number(days) - 1) * 86_400_000)
    throw new Error(
      `TEST_CLOCK_AHEAD=${ahead}, but the clock reads ${new Date().toISOString()}: run the unit tests under faketime (npm run test:unit does when TEST_CLOCK_AHEAD is set)`,
    );
}
