/**
 * `npm run worker`: the outbox worker on its own (the server also runs one). Several may run at
 * once: rows are claimed, so none is sent twice. Stops on Ctrl+C after the round in progress.
 */
import { processOutbox } from "@/lib/outbox/outbox";

const INTERVAL_MS = 2_000;
let stopping = false;
process.on("SIGINT", () => (stopping = true));
process.on("SIGTERM", () => (stopping = true));

console.log("Outbox worker started. Stop with Ctrl+C.");
while (!stopping) {
  try {
    const { delivered, failed } = await processOutbox();
    if (delivered || failed) console.log(`${new Date().toISOString()} delivered ${delivered}, failed ${failed}`);
  } catch (error) {
    console.error("Outbox round failed", error);
  }
  await new Promise((r) => setTimeout(r, INTERVAL_MS));
}
process.exit(0);
