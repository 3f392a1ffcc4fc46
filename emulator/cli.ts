/**
 * Starts the Pipedrive emulator from the command line (used by `npm run demo` and Playwright).
 * EMULATOR_PORT, and the Listing Studio client it accepts: EMULATOR_CLIENT_ID,
 * EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URI; and its CRM client: EMULATOR_CRM_CLIENT_ID,
 * EMULATOR_CRM_CLIENT_SECRET, EMULATOR_CRM_REDIRECT_URI; EMULATOR_LATENCY_MS adds that many milliseconds to every
 * answer (or `--latency <ms>`).
 */
import { crmClient } from "./data";
import { startEmulator } from "./server";

const port = Number(process.env.EMULATOR_PORT ?? 4100);
const latencyFlag = process.argv.indexOf("--latency");
const latencyMs = Number(latencyFlag >= 0 ? process.argv[latencyFlag + 1] : (process.env.EMULATOR_LATENCY_MS ?? 0));
if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 60_000) {
  console.error("The latency (EMULATOR_LATENCY_MS or --latency) is a whole number of milliseconds from 0 to 60000");
  process.exit(1);
}
const clientId = process.env.EMULATOR_CLIENT_ID ?? "listing-studio-dev";
const clientSecret = process.env.EMULATOR_CLIENT_SECRET ?? "listing-studio-dev-secret";
const redirectUri = process.env.EMULATOR_REDIRECT_URI ?? "http://localhost:3000/api/auth/callback/pipedrive";

const emulator = await startEmulator({
  port,
  latencyMs,
  clients: [
    {
      clientId,
      clientSecret,
      redirectUris: [redirectUri],
      name: "Listing Studio",
      builtBy: "Listing Studio",
      scopes: ["base"],
    },
    crmClient(
      process.env.EMULATOR_CRM_CLIENT_ID ?? "listing-studio-crm-dev",
      process.env.EMULATOR_CRM_CLIENT_SECRET ?? "listing-studio-crm-dev-secret",
      process.env.EMULATOR_CRM_REDIRECT_URI ?? "http://localhost:3000/api/crm/callback",
    ),
  ],
});
console.log(
  `Pipedrive emulator listening on ${emulator.url}${latencyMs ? ` (${latencyMs} ms added to every answer)` : ""}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
