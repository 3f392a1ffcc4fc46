/**
 * `npm run demo`: migrates and seeds data/demo.db, starts the Pipedrive emulator and the app,
 * and prints the URL. `--dev` runs `next dev` instead of a production build.
 * No .env is needed: the demo makes its own development secrets under data/.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { startEmulator } from "../e2e/emulator/server";
import { PrismaClient } from "../lib/generated/prisma/client";
import { hashShareToken, newShareToken } from "../lib/share/token";
import { DEMO_APPS } from "../prisma/demo-apps";
import { demoReviews } from "../prisma/demo-reviews";
import { ensureBuild, run, start, waitForUrl } from "./process";

const dev = process.argv.includes("--dev");
const APP_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 4100);
const appUrl = `http://localhost:${APP_PORT}`;
const emulatorUrl = `http://localhost:${EMULATOR_PORT}`;

mkdirSync("data", { recursive: true });
const secretsFile = "data/demo-secrets.json";
if (!existsSync(secretsFile)) {
  const secrets = {
    authSecret: randomBytes(32).toString("base64url"),
    clientSecret: randomBytes(24).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}
const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as { authSecret: string; clientSecret: string; encryptionKey?: string; shareToken?: string };
if (!secrets.encryptionKey || !secrets.shareToken) {
  secrets.encryptionKey ??= randomBytes(32).toString("base64");
  secrets.shareToken ??= newShareToken();
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}
const clientId = "listing-studio-demo";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.db",
  STORAGE_DIR: process.env.STORAGE_DIR ?? "data/demo-uploads",
  AUTH_URL: appUrl,
  AUTH_SECRET: secrets.authSecret,
  AUTH_PIPEDRIVE_ID: clientId,
  AUTH_PIPEDRIVE_SECRET: secrets.clientSecret,
  ENCRYPTION_KEY: secrets.encryptionKey,
  PIPEDRIVE_OAUTH_URL: emulatorUrl,
  PIPEDRIVE_API_URL: emulatorUrl,
  MARKETPLACE_URL: emulatorUrl,
  NEXT_TELEMETRY_DISABLED: "1",
};

const log = openSync("data/demo.log", "a");

async function main() {
  await run("prisma", ["migrate", "deploy"], env, { quiet: true });
  await run("tsx", ["prisma/seed.ts"], env, { quiet: true });
  await ensureDemoShareLink();

  const emulator = await startEmulator({
    port: EMULATOR_PORT,
    clients: [
      {
        clientId,
        clientSecret: secrets.clientSecret,
        redirectUris: [`${appUrl}/api/auth/callback/pipedrive`],
        name: "Listing Studio",
        builtBy: "Listing Studio",
        scopes: ["base"],
      },
    ],
    // QuoteFlow's public Marketplace page, read by "Sync now" on the Reviews page.
    listings: [{ clientId: DEMO_APPS[0]!.clientId, slug: "quoteflow", name: "QuoteFlow", builtBy: "Acme Sales Tools", summary: "Quotes from deals", installBand: "1,000+", reviews: demoReviews() }],
  });

  if (!dev) await ensureBuild(env);

  const app = start("next", [dev ? "dev" : "start", "-p", String(APP_PORT)], { env, stdio: ["ignore", log, log] });
  const stop = () => {
    app.kill("SIGTERM");
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", (code) => {
    console.error(`The app stopped (exit ${code}); see data/demo.log.`);
    void emulator.close().then(() => process.exit(code ?? 1));
  });

  await waitForUrl(appUrl);
  console.log(`\nListing Studio is running: ${appUrl}\n\nSign in with the preselected demo user. Logs: data/demo.log. Stop with Ctrl+C.`);
  console.log(`A share link of QuoteFlow's preview, for a visitor without an account: ${appUrl}/p/${secrets.shareToken}`);
}

/** A share link of the demo's QuoteFlow whose token the demo knows (the database keeps only its hash). */
async function ensureDemoShareLink() {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL! }) });
  try {
    const tokenHash = hashShareToken(secrets.shareToken!);
    if (await db.shareLink.findUnique({ where: { tokenHash } })) return;
    const app = await db.app.findFirst({ where: { name: "QuoteFlow" } });
    if (app) await db.shareLink.create({ data: { appId: app.id, tokenHash, label: "Demo link for the sales team" } });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
