/**
 * `npm run rollups:rebuild [-- <appId>…] [--demo]`: rebuilds installations and daily rollups from
 * the stored install events (all apps, or the ones named). The result equals what the events built
 * as they arrived; use it after repairing events by hand.
 */
import { plural } from "../lib/text/words";
import { CliError, databaseLabel, requireMigratedDatabase, runCli, useDemoWhenAsked } from "./cli";

await runCli("npm run rollups:rebuild", async () => {
  useDemoWhenAsked();
  requireMigratedDatabase();
  const { rebuildApp } = await import("../lib/installs/ingest");
  const { sqlConnection } = await import("../lib/db/sql");
  const db = sqlConnection();
  const named = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const known = new Set((db.prepare("SELECT id FROM App").all() as { id: string }[]).map((r) => r.id));
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length)
    throw new CliError(
      `No app ${unknown.join(", ")} in ${databaseLabel()}: pass app ids as they appear in the app's URL (/apps/<id>/…)`,
    );
  const apps = named.length
    ? named
    : (db.prepare("SELECT DISTINCT appId FROM InstallEvent").all() as { appId: string }[]).map((r) => r.appId);
  console.log(`Database: ${databaseLabel()}`);
  for (const appId of apps) {
    const started = performance.now();
    rebuildApp(appId, db);
    const { days } = db.prepare("SELECT COUNT(*) AS days FROM InstallDaily WHERE appId = ?").get(appId) as {
      days: number;
    };
    console.log(`${appId}: ${plural(days, "day", "days")} rebuilt in ${Math.round(performance.now() - started)} ms`);
  }
  console.log(`Rebuilt ${plural(apps.length, "app", "apps")}.`);
});
