/**
 * `npm run worker [-- --demo]`: the outbox worker on its own, with notification emails (the server also
 * runs both). Several
 * may run at once: rows are claimed, so none is sent twice. Stops on Ctrl+C after the round in
 * progress. `--demo`: the running demo's database.
 */
import { databaseLabel, oneLine, requireMigratedDatabase, runCli, useDemoWhenAsked } from "./cli";

const INTERVAL_MS = 2_000;

await runCli("npm run worker", async () => {
  useDemoWhenAsked();
  requireMigratedDatabase();
  const { processOutbox } = await import("@/lib/outbox/outbox");
  const { sendPendingEmails } = await import("@/lib/notifications/email");
  let stopping = false;
  process.on("SIGINT", () => (stopping = true));
  process.on("SIGTERM", () => (stopping = true));
  console.log(`Outbox worker started on ${databaseLabel()}. Stop with Ctrl+C.`);
  while (!stopping) {
    try {
      const { delivered, failed } = await processOutbox();
      if (delivered || failed) console.log(`${new Date().toISOString()} delivered ${delivered}, failed ${failed}`);
      const emails = await sendPendingEmails();
      if (emails.sent) console.log(`${new Date().toISOString()} emailed ${emails.sent} notification messages`);
    } catch (error) {
      console.error(`${new Date().toISOString()} the outbox round failed: ${oneLine(error)}`);
    }
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  process.exit(0);
});
