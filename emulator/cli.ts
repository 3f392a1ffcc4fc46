/**
 * Starts the Pipedrive emulator from the command line (used by `npm run demo` and Playwright).
 * EMULATOR_PORT, and the Listing Studio client it accepts: EMULATOR_CLIENT_ID,
 * EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URI; and its CRM client: EMULATOR_CRM_CLIENT_ID,
 * EMULATOR_CRM_CLIENT_SECRET, EMULATOR_CRM_REDIRECT_URI.
 */
import { crmClient } from "./data";
import { startEmulator } from "./server";

const port = Number(process.env.EMULATOR_PORT ?? 4100);
const clientId = process.env.EMULATOR_CLIENT_ID ?? "listing-studio-dev";
const clientSecret = process.env.EMULATOR_CLIENT_SECRET ?? "listing-studio-dev-secret";
const redirectUri = process.env.EMULATOR_REDIRECT_URI ?? "http://localhost:3000/api/auth/callback/pipedrive";

const emulator = await startEmulator({
  port,
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
console.log(`Pipedrive emulator listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
