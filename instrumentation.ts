/** Runs once when the server starts: checks the environment, then starts the outbox worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertEnvironment } = await import("@/lib/startup");
    assertEnvironment();
    const { startOutboxWorker } = await import("@/lib/outbox/outbox");
    startOutboxWorker();
  }
}
