/**
 * Starts the Pipedrive emulator from the command line (used by `npm run demo` and Playwright).
 * EMULATOR_PORT, and the Listing Studio client it accepts: EMULATOR_CLIENT_ID,
 * EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URI.
 */
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
  ],
});
console.log(`Pipedrive emulator listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
