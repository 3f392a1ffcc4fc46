/**
 * `npm run sync [-- --demo]`: reads the public Marketplace page of every published app, in every
 * workspace, and stores ratings and reviews (alerts wait in the outbox for the worker). Exits 1
 * when a run failed, so a scheduler notices. `--demo`: the running demo's database and emulator.
 */
import { plural } from "../lib/text/words";
import { databaseLabel, requireMigratedDatabase, runCli, useDemoWhenAsked } from "./cli";

await runCli("npm run sync", async () => {
  useDemoWhenAsked();
  requireMigratedDatabase();
  console.log(`Database: ${databaseLabel()}`);
  const { syncAll } = await import("@/lib/sync/sync");
  const runs = await syncAll("CLI");
  if (runs.length === 0) console.log("No workspace has a published app: nothing to sync.");
  for (const r of runs) {
    const line = r.skipped
      ? `${r.workspace}: a run is already in progress (started ${r.startedAt.toISOString()}); skipped`
      : `${r.workspace}: ${r.status.toLowerCase()} — ${plural(r.appsTotal, "app", "apps")}, ${r.added} new, ${r.updated} updated, ${r.removed} removed ${r.added + r.updated + r.removed === 1 ? "review" : "reviews"}`;
    console.log(line);
    if (r.error && !r.skipped) console.log(r.error.replace(/^/gm, "  "));
  }
  process.exit(runs.some((r) => r.status === "FAILED") ? 1 : 0);
});
