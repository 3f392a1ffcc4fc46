/**
 * `npm run rollups:rebuild [-- <appId>…]`: rebuilds installations and daily rollups from the
 * stored install events (all apps, or the ones named). The result equals what the events built
 * as they arrived; use it after repairing events by hand.
 */
import { rebuildApp } from "../lib/installs/ingest";
import { rawDb } from "../lib/installs/raw-db";

const db = rawDb();
const named = process.argv.slice(2);
const apps = named.length ? named : (db.prepare("SELECT DISTINCT appId FROM InstallEvent").all() as { appId: string }[]).map((r) => r.appId);
for (const appId of apps) {
  const started = performance.now();
  rebuildApp(appId, db);
  const { days } = db.prepare("SELECT COUNT(*) AS days FROM InstallDaily WHERE appId = ?").get(appId) as { days: number };
  console.log(`${appId}: ${days} days rebuilt in ${Math.round(performance.now() - started)} ms`);
}
console.log(`Rebuilt ${apps.length} ${apps.length === 1 ? "app" : "apps"}.`);
