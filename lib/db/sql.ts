import Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import LibsqlDatabase from "libsql";
import { BUSY_TIMEOUT_MS } from "@/lib/db/prisma";
import { databaseDriver, filePathOf, isRemoteDatabaseUrl } from "@/lib/db/driver";
import { env } from "@/lib/server/env";

/**
 * A direct better-sqlite3 connection for hot write paths (install events), where one prepared
 * multi-row statement per batch in a transaction is many times faster than an ORM loop. Prisma
 * keeps its own connection to the same file; WAL lets readers go on while a batch is written.
 * On libSQL the connection is libSQL's own, which has the same synchronous API (and reaches a
 * remote server over HTTP).
 */
type State = { db: Database.Database | null; url: string | null };
const state: State = ((globalThis as unknown as { __rawDb?: State }).__rawDb ??= { db: null, url: null });

/**
 * A prepared statement of the raw connection, prepared once per SQL text: a query with a placeholder per app costs
 * more to prepare than to run.
 */
const preparedCache = new WeakMap<Database.Database, LRUCache<string, Database.Statement>>();
export function statement(sql: string): Database.Statement {
  const db = sqlConnection();
  let cache = preparedCache.get(db);
  if (!cache) preparedCache.set(db, (cache = new LRUCache({ max: 500 })));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = db.prepare(sql)));
  return found;
}

export function sqlConnection(): Database.Database {
  const url = env().DATABASE_URL;
  if (state.db && state.url === url) return state.db;
  state.db?.close();
  const { DATABASE_DRIVER, DATABASE_AUTH_TOKEN } = env();
  let db: Database.Database;
  if (databaseDriver(url, DATABASE_DRIVER) === "libsql") {
    const remote = isRemoteDatabaseUrl(url);
    // `authToken` is read by libSQL's constructor, though its types do not list it.
    const options = { authToken: DATABASE_AUTH_TOKEN ?? "" } as LibsqlDatabase.Options;
    db = new LibsqlDatabase(remote ? url : filePathOf(url), options) as unknown as Database.Database;
    if (!remote) localPragmas(db);
  } else {
    db = new Database(filePathOf(url), { timeout: BUSY_TIMEOUT_MS });
    localPragmas(db);
  }
  state.db = db;
  state.url = url;
  return db;
}

function localPragmas(db: Database.Database) {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Changing the journal mode takes a lock SQLite's busy handler does not always wait for (processes
  // opening the same file at once can get SQLITE_BUSY at once): only when the file is not in WAL
  // already, and tried again for a moment.
  whenNotBusy(() => {
    const mode = (db.pragma("journal_mode") as { journal_mode?: string }[])[0]?.journal_mode;
    if (mode !== "wal") db.pragma("journal_mode = WAL");
  });
  db.pragma("synchronous = NORMAL");
}

/** Runs `work`, again after 10 ms while it fails with SQLITE_BUSY, for at most the busy timeout. */
function whenNotBusy(work: () => void) {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 10) {
    try {
      return work();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || waited >= BUSY_TIMEOUT_MS) throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}
