/** Runs once when the server starts: checks the environment, then starts the outbox worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertDatabase, assertEnvironment } = await import("@/lib/startup");
    assertEnvironment();
    // `next build` loads this too; only a server needs its database.
    if (process.env.NEXT_PHASE !== "phase-production-build") assertDatabase();
    const { startOutboxWorker } = await import("@/lib/outbox/outbox");
    startOutboxWorker();
  }
}
