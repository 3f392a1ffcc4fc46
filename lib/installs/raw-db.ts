import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "@/lib/db-client";
import { env } from "@/lib/env";

/**
 * A direct better-sqlite3 connection for hot write paths (install events), where one prepared
 * multi-row statement per batch in a transaction is many times faster than an ORM loop. Prisma
 * keeps its own connection to the same file; WAL lets readers go on while a batch is written.
 */
type State = { db: Database.Database | null; url: string | null };
const state: State = ((globalThis as unknown as { __rawDb?: State }).__rawDb ??= { db: null, url: null });

export function rawDb(): Database.Database {
  const url = env().DATABASE_URL;
  if (state.db && state.url === url) return state.db;
  state.db?.close();
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  state.db = db;
  state.url = url;
  return db;
}
