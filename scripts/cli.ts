/**
 * What every command of the README shares: which database it opens (said in its messages), the
 * `--demo` switch to run it against the running demo, and failures in one actionable line instead
 * of a stack trace (`DEBUG=1` shows the trace).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { databaseProblem } from "../lib/db/check";
import { filePathOf, isRemoteDatabaseUrl } from "../lib/db/driver";

/** A failure the person can act on: its message is the whole story. */
export class CliError extends Error {}

const DEFAULT_URL = "file:./data/dev.db";

/**
 * With `--demo`, the command works on the demo's database and reaches the demo's emulator (start
 * it with `npm run demo`), with the demo's own secrets. Call before anything reads the environment.
 */
export function useDemoWhenAsked(argv = process.argv) {
  if (!argv.includes("--demo")) return false;
  const secretsFile = "data/demo-secrets.json";
  if (!existsSync(secretsFile))
    throw new CliError(`--demo needs the demo's files: run \`npm run demo\` once first (${secretsFile} is missing)`);
  const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as { encryptionKey?: string };
  process.env.DATABASE_URL = "file:./data/demo.db";
  process.env.STORAGE_DIR = "data/demo-uploads";
  process.env.MARKETPLACE_URL = `http://localhost:${process.env.EMULATOR_PORT ?? 4100}`;
  process.env.MARKETPLACE_API_URL = process.env.MARKETPLACE_URL;
  if (secrets.encryptionKey) process.env.ENCRYPTION_KEY = secrets.encryptionKey;
  return true;
}

/** The database the command opens, as the person should read it in a message. */
export function databaseLabel(url = process.env.DATABASE_URL ?? DEFAULT_URL) {
  return isRemoteDatabaseUrl(url) ? url.replace(/\/\/[^@/]*@/, "//") : resolve(filePathOf(url));
}

const MIGRATE_HINT =
  "Create or update it with `npm run db:migrate`, point DATABASE_URL at the right database, or add `-- --demo` to use the running demo's.";

/**
 * Refuses to work on a database that is missing, not Listing Studio's, or behind the code's
 * migrations, saying which file it opened and what to do.
 */
export function requireMigratedDatabase(url = process.env.DATABASE_URL ?? DEFAULT_URL) {
  const problem = databaseProblem(url);
  if (problem) throw new CliError(`${problem} ${MIGRATE_HINT}`);
}

/** The first line of an error, without the stack. */
export const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .split("\n")
    .find((l) => l.trim())
    ?.trim() ?? "unknown error";

/** Runs a command: any failure ends it with `<command>: <one line>` and exit code 1. */
export async function runCli(command: string, main: () => Promise<void>) {
  try {
    await main();
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    console.error(`${command}: ${oneLine(error)}`);
    process.exit(1);
  }
}
