/**
 * `npm run db:backup [-- <folder>]`: an online backup of the SQLite database (DATABASE_URL) to
 * `<folder>/listing-studio-<UTC timestamp>.db` (default folder: backups/). It uses SQLite's
 * backup API, so the app keeps running and writing meanwhile; the copy is checked before it is
 * reported. Restore: stop the app, copy the backup over the database file (and delete its
 * `-wal` and `-shm` files), start the app.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";

export async function backupDatabase(databaseUrl: string, folder: string, now = new Date()) {
  if (!databaseUrl.startsWith("file:"))
    throw new Error(
      "db:backup works on a SQLite file (DATABASE_URL=file:…); a libSQL server (Turso or sqld) is backed up by its own tools (Turso: point-in-time restore)",
    );
  mkdirSync(folder, { recursive: true });
  const target = resolve(join(folder, `listing-studio-${now.toISOString().replace(/[:.]/g, "-")}.db`));
  const source = new Database(databaseUrl.slice("file:".length), { fileMustExist: true, timeout: 10_000 });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup failed its integrity check: ${String(check)}`);
    const tables = (copy.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number })
      .n;
    return { file: target, tables };
  } finally {
    copy.close();
  }
}

if (process.argv[1]?.endsWith("db-backup.ts")) {
  const { databaseLabel, requireMigratedDatabase, runCli, useDemoWhenAsked } = await import("./cli");
  await runCli("npm run db:backup", async () => {
    useDemoWhenAsked();
    const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
    if (url.startsWith("file:")) requireMigratedDatabase(url);
    const result = await backupDatabase(url, process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "backups");
    console.log(`Backed up ${databaseLabel(url)} to ${result.file} (${result.tables} tables, integrity ok)`);
  });
}
