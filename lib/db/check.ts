import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { filePathOf, isRemoteDatabaseUrl } from "./driver";
// Relative imports: the CLI scripts load this from any directory, where the @/ alias is not known.
import { plural } from "../text/words";

/**
 * Whether a database is Listing Studio's and up to date with the code's migrations, said in one
 * sentence that names the file (no server-only import: scripts and the server share it).
 * Null when it is ready, or when it is a libSQL server (whose own errors say enough).
 */
export function databaseProblem(url: string, migrationsDir = "prisma/migrations"): string | null {
  if (isRemoteDatabaseUrl(url)) return null;
  const path = filePathOf(url);
  const where = `${resolve(path)} (DATABASE_URL=${url})`;
  if (!existsSync(path)) return `There is no database at ${where}.`;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5_000 });
  } catch (error) {
    return `Cannot open ${where}: ${(error as Error).message}.`;
  }
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    if (!tables.has("_prisma_migrations") || !tables.has("Workspace")) return `${where} has no Listing Studio tables.`;
    if (!existsSync(migrationsDir)) return null;
    const applied = new Set(
      (
        db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as {
          migration_name: string;
        }[]
      ).map((m) => m.migration_name),
    );
    const pending = readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name) && !applied.has(name));
    return pending.length
      ? `${where} is missing ${plural(pending.length, "migration", "migrations")} (${pending.join(", ")}).`
      : null;
  } catch (error) {
    return `Cannot read ${where}: ${(error as Error).message}.`;
  } finally {
    db.close();
  }
}
