/**
 * `npm run sync`: reads the public Marketplace page of every published app, in every workspace,
 * and stores ratings and reviews (alerts wait in the outbox for the worker). Exits 1 when a run
 * failed, so a scheduler notices.
 */
import { syncAll } from "@/lib/reviews/sync";

const runs = await syncAll("CLI");
if (runs.length === 0) console.log("No workspace has a published app: nothing to sync.");
for (const r of runs) {
  const line = r.skipped
    ? `${r.workspace}: a run is already in progress (started ${r.startedAt.toISOString()}); skipped`
    : `${r.workspace}: ${r.status.toLowerCase()} — ${r.appsTotal} app(s), ${r.added} new, ${r.updated} updated, ${r.removed} removed review(s)`;
  console.log(line);
  if (r.error && !r.skipped) console.log(r.error.replace(/^/gm, "  "));
}
process.exit(runs.some((r) => r.status === "FAILED") ? 1 : 0);
