/**
 * `npm run demo`: migrates and seeds data/demo.db, starts the Pipedrive emulator and the app,
 * and prints the URL. `--dev` runs `next dev` instead of a production build.
 * No .env is needed: the demo makes its own development secrets under data/.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { crmClient } from "../emulator/data";
import { type Emulator, startEmulator } from "../emulator/server";
import { PrismaClient } from "../lib/generated/prisma/client";
import { keyIdOf, parseKey, seal } from "../lib/crypto/secret-box";
import { hashToken, newToken } from "../lib/crypto/token";
import { DEMO_APPS } from "../prisma/demo-apps";
import { demoRivalListings } from "../prisma/demo-competitors";
import { demoCollections, demoLeaderListings } from "../prisma/demo-positions";
import { demoListing } from "../prisma/demo-reviews";
import { CliError, databaseLabel, oneLine } from "./cli";
import { buildShareAssets, ensureBuild, run, start, waitForUrl } from "./process";

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
const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as {
  authSecret: string;
  clientSecret: string;
  encryptionKey?: string;
  shareToken?: string;
};
if (!secrets.encryptionKey || !secrets.shareToken) {
  secrets.encryptionKey ??= randomBytes(32).toString("base64");
  secrets.shareToken ??= newToken();
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}
const clientId = "listing-studio-demo";
const crmClientId = "listing-studio-crm-demo";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.db",
  STORAGE_DIR: process.env.STORAGE_DIR ?? "data/demo-uploads",
  AUTH_URL: appUrl,
  AUTH_SECRET: secrets.authSecret,
  AUTH_PIPEDRIVE_ID: clientId,
  AUTH_PIPEDRIVE_SECRET: secrets.clientSecret,
  PIPEDRIVE_CRM_CLIENT_ID: crmClientId,
  PIPEDRIVE_CRM_CLIENT_SECRET: `${secrets.clientSecret}-crm`,
  ENCRYPTION_KEY: secrets.encryptionKey,
  PIPEDRIVE_OAUTH_URL: emulatorUrl,
  PIPEDRIVE_API_URL: emulatorUrl,
  MARKETPLACE_URL: emulatorUrl,
  MARKETPLACE_API_URL: emulatorUrl,
  // A demo sync reads a dozen pages: a quarter second apart, as a real run would be a second apart.
  MARKETPLACE_PACE_MS: "250",
  // The demo runs on this machine: webhooks and hand-offs may go to a local test server.
  OUTBOUND_ALLOW_LOCAL: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

const log = openSync("data/demo.log", "a");
const OTHER_PORTS = `PORT=${APP_PORT + 1} EMULATOR_PORT=${EMULATOR_PORT + 1} DATABASE_URL=file:./data/demo-2.db npm run demo`;

/** Free, or taken by another process (another demo, another server). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE" || error.code === "EACCES"))
      .once("listening", () => probe.close(() => resolve(false)))
      .listen(port);
  });
}

/** One demo per database: a second one would fight the first over the SQLite file. */
function claimDatabase(): () => void {
  const lock = `${databaseLabel(env.DATABASE_URL)}.demo-lock`;
  const other = existsSync(lock) ? Number(readFileSync(lock, "utf8")) : 0;
  if (other && other !== process.pid && alive(other)) {
    throw new CliError(
      `Another npm run demo (process ${other}) is using ${databaseLabel(env.DATABASE_URL)}. Stop it with Ctrl+C in its terminal, or run this one apart: ${OTHER_PORTS}`,
    );
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A step that prints one line when it fails; the whole output goes to data/demo.log. */
async function step(what: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    appendFileSync(
      "data/demo.log",
      `\n${new Date().toISOString()} ${what} failed:\n${error instanceof Error ? error.message : String(error)}\n`,
    );
    throw new CliError(
      `${what} failed (${oneLine(error).replace(/ failed \(exit \d+\)$/, "")}); the details are in data/demo.log`,
    );
  }
}

async function main() {
  for (const [port, name] of [
    [APP_PORT, "PORT"],
    [EMULATOR_PORT, "EMULATOR_PORT"],
  ] as const) {
    if (await portTaken(port))
      throw new CliError(
        `Port ${port} is taken (by another npm run demo, or another server). Stop it, or choose free ports with ${name}: ${OTHER_PORTS}`,
      );
  }
  const release = claimDatabase();
  process.on("exit", release);
  await step(`Preparing the database ${databaseLabel(env.DATABASE_URL)}`, () =>
    run("prisma", ["migrate", "deploy"], env, { quiet: true }),
  );
  await step("Seeding the demo data", () => run("tsx", ["prisma/seed.ts"], env, { quiet: true }));
  await ensureDemoTruths();

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
      crmClient(crmClientId, `${secrets.clientSecret}-crm`, `${appUrl}/api/crm/callback`),
    ],
    // QuoteFlow's public Marketplace page, read by "Sync now" on the Reviews page.
    listings: [
      demoListing(DEMO_APPS[0]!.clientId),
      ...demoRivalListings(),
      ...demoLeaderListings(DEMO_APPS[0]!.clientId),
    ],
    // Today's collections and categories, where "Sync now" finds QuoteFlow's positions.
    collections: demoCollections(DEMO_APPS[0]!.clientId),
  });

  await step("Connecting Acme's own Pipedrive", () => connectDemoCrm(emulator));

  if (!dev) await step("Building the app", () => ensureBuild(env));
  else await step("Building the share pages' stylesheet and renderer", () => buildShareAssets(env));

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
  console.log(
    `\nListing Studio is running: ${appUrl}\n\nSign in with the preselected demo user. Logs: data/demo.log. Stop with Ctrl+C.`,
  );
  console.log(
    `A share link of QuoteFlow's preview, for a visitor without an account: ${appUrl}/p/${secrets.shareToken}`,
  );
}

/**
 * What the seed cannot know: a share link of QuoteFlow whose token the demo prints (the database
 * keeps only its hash), created by Alice like any link; and the client secrets of the apps that
 * take installs through the gateway, sealed with the demo's own key.
 */
async function ensureDemoTruths() {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL! }) });
  try {
    const alice = await db.user.findUnique({
      where: { pipedriveCompanyId_pipedriveUserId: { pipedriveCompanyId: 7001, pipedriveUserId: 101 } },
    });
    const key = parseKey(secrets.encryptionKey!, keyIdOf(secrets.encryptionKey!));
    for (const name of ["QuoteFlow", "CallSprout"]) {
      const app = await db.app.findFirst({ where: { name, clientSecret: null, installations: { some: {} } } });
      if (app)
        await db.app.update({
          where: { id: app.id },
          data: { clientSecret: seal(randomBytes(24).toString("base64url"), key, `app:${app.id}:client-secret`) },
        });
    }
    const tokenHash = hashToken(secrets.shareToken!);
    if (await db.shareLink.findUnique({ where: { tokenHash } })) return;
    const app = await db.app.findFirst({ where: { name: "QuoteFlow" } });
    if (!app || !alice) return;
    const createdAt = new Date(Date.now() - 43 * 86_400_000);
    const link = await db.shareLink.create({
      data: { appId: app.id, tokenHash, label: "Demo link for the sales team", createdById: alice.id, createdAt },
    });
    await db.auditEvent.create({
      data: {
        workspaceId: app.workspaceId,
        actorId: alice.id,
        actorName: alice.name,
        action: "share.create",
        targetType: "share link",
        targetId: link.id,
        targetName: link.label,
        diff: JSON.stringify({ appId: app.id, pinned: "draft", expiresIn: "never" }),
        createdAt,
      },
    });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Acme's own Pipedrive is the emulator's, which starts empty each time: the demo connects it afresh (tokens the
 * emulator just issued to Alice, sealed as the app seals them), forgets the links to what the last run pushed, and
 * queues the push of every existing customer, which the app's worker sends once it is up (Settings shows progress;
 * the emulator's own page lists what arrived).
 */
async function connectDemoCrm(emulator: Emulator) {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL! }) });
  try {
    const workspace = await db.workspace.findUnique({ where: { pipedriveCompanyId: 7001 } });
    const alice = await db.user.findUnique({
      where: { pipedriveCompanyId_pipedriveUserId: { pipedriveCompanyId: 7001, pipedriveUserId: 101 } },
    });
    if (!workspace || !alice) return;
    const key = parseKey(secrets.encryptionKey!, keyIdOf(secrets.encryptionKey!));
    const scope = "base contacts:full deals:full leads:full";
    const tokens = emulator.store.issueTokens(crmClientId, 101, scope);
    const pipeline = [...emulator.crm.company(7001).pipelines.values()].find((p) => p.name === "Partner customers");
    const stage = [...emulator.crm.company(7001).stages.values()].find((s) => s.pipeline_id === pipeline?.id);
    const data = {
      companyId: 7001,
      companyName: "Acme Sales Tools",
      apiDomain: emulatorUrl,
      accessToken: seal(tokens.access, key, `crm:${workspace.id}:access`),
      refreshToken: seal(tokens.refresh, key, `crm:${workspace.id}:refresh`),
      accessExpiresAt: new Date(Date.now() + 3_600_000),
      scope,
      connectedById: alice.id,
      connectedByName: alice.name,
      target: "DEAL",
      pipelineId: pipeline?.id ?? null,
      stageId: stage?.id ?? null,
      backfillAt: new Date(),
    };
    const apps = await db.app.findMany({ where: { workspaceId: workspace.id }, select: { id: true } });
    await db.$transaction([
      db.crmLink.deleteMany({ where: { workspaceId: workspace.id } }),
      db.outboxMessage.deleteMany({
        where: { appId: { in: apps.map((a) => a.id) }, kind: { in: ["CRM_PUSH", "CRM_BACKFILL"] } },
      }),
      db.crmConnection.upsert({
        where: { workspaceId: workspace.id },
        create: { workspaceId: workspace.id, ...data },
        update: data,
      }),
    ]);
    await db.$executeRawUnsafe(
      `INSERT INTO OutboxMessage (id, appId, kind, url, body, status, attempts, nextAttemptAt, createdAt)
       SELECT 'cb' || lower(hex(randomblob(11))), ca.appId, 'CRM_BACKFILL', '',
         json_object('workspaceId', c.workspaceId, 'event', 'backfill', 'appId', ca.appId, 'companyId', c.companyId,
           'userId', (SELECT i.userId FROM Installation i WHERE i.appId = ca.appId AND i.companyId = c.companyId
                      ORDER BY i.uninstalledAt IS NULL DESC, i.installedAt DESC LIMIT 1)),
         'PENDING', 0, ?, ?
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId WHERE c.workspaceId = ?`,
      data.backfillAt.toISOString().replace("Z", "+00:00"),
      data.backfillAt.toISOString().replace("Z", "+00:00"),
      workspace.id,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`npm run demo: ${oneLine(error)}`);
  process.exit(1);
});
