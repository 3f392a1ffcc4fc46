/**
 * Runs once when the server starts: checks the environment, then starts the outbox worker and the sync runs'
 * resumer, and connects to Redis when configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertDatabase, assertEnvironment } = await import("@/lib/ops/startup");
    assertEnvironment();
    // Route handlers get no socket: the server stamps each request with its client's address. A page
    // post whose body is over the action limit, or of no declared length, is answered here (413, 411)
    // before Next.js reads any of it.
    const [{ env }, { parseTrustedProxies }, { stampClientsOfThisProcess }, meta, http, https] = await Promise.all([
      import("@/lib/server/env"),
      import("@/lib/server/trusted-proxies"),
      import("@/lib/http/client-address"),
      import("@/lib/http/request-meta"),
      import("node:http"),
      import("node:https"),
    ]);
    stampClientsOfThisProcess(parseTrustedProxies(env().TRUSTED_PROXIES), [http.Server, https.Server], (request) => {
      const problem = meta.pageBodyProblem(request.method, request.url ?? "/", request.headers);
      return problem && { status: problem.status, body: { error: { code: problem.code, message: problem.message } } };
    });
    // `next build` loads this too; only a server needs its database.
    if (process.env.NEXT_PHASE !== "phase-production-build") assertDatabase();
    // The landing page is served without the proxy, with the policy the build wrote beside it; a server
    // started with other Pipedrive origins than the build's puts its own there once, before it serves.
    if (process.env.NEXT_PHASE !== "phase-production-build" && env().isProduction) {
      const { writePrerenderedPolicies } = await import("@/lib/http/prerendered-policy");
      const { pageOrigins } = await import("@/lib/server/env");
      try {
        writePrerenderedPolicies(pageOrigins());
      } catch (error) {
        const { log } = await import("@/lib/server/log");
        log().error({ err: error }, "The landing page's security policy could not be written beside its HTML");
      }
    }
    const { startOutboxWorker } = await import("@/lib/outbox/outbox");
    startOutboxWorker();
    // Notification emails, when SMTP_URL is set: alerts at once, the rest in daily digests.
    if (process.env.NEXT_PHASE !== "phase-production-build")
      (await import("@/lib/notifications/email")).startEmailWorker();
    // Review requests and uninstall surveys, when SMTP_URL is set.
    if (process.env.NEXT_PHASE !== "phase-production-build")
      (await import("@/lib/outreach/worker")).startOutreachWorker();
    // Sync runs whose server stopped before they finished are continued where they stopped.
    if (process.env.NEXT_PHASE !== "phase-production-build") (await import("@/lib/sync/sync")).startSyncResumer();
    // The shared store, when configured, is connected before the first request needs it.
    if (process.env.NEXT_PHASE !== "phase-production-build") (await import("@/lib/server/redis")).redis();
  }
}
