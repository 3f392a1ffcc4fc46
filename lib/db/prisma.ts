import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseDriver } from "@/lib/db/driver";
import { env } from "@/lib/server/env";

/** Writers in other processes (the worker, `npm run sync`, a second server) wait for the lock this long instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * better-sqlite3 for Prisma, with every transaction taking the write lock when it begins
 * (`BEGIN IMMEDIATE`; the adapter sends a plain, deferred `BEGIN`). A deferred transaction that
 * reads and then writes fails at once with SQLITE_BUSY when another process wrote in between —
 * SQLite cannot wait there without risking a deadlock — whereas `BEGIN IMMEDIATE` waits its turn
 * under the busy timeout. Transactions are short, so taking the lock up front costs little.
 */
class ImmediateBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

/** A client on the embedded SQLite file, or on a libSQL database (see lib/db/driver.ts). */
export function createPrismaClient(url: string): PrismaClient {
  const { DATABASE_DRIVER, DATABASE_AUTH_TOKEN } = env();
  const adapter =
    databaseDriver(url, DATABASE_DRIVER) === "libsql"
      ? new PrismaLibSQL({ url, authToken: DATABASE_AUTH_TOKEN })
      : new ImmediateBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  // Starting a transaction may wait for another process's write lock (up to the busy timeout).
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS, timeout: BUSY_TIMEOUT_MS + 5_000 },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * The process's one client, created on first use (so that importing a module never reads the
 * environment, e.g. while `next build` collects pages), kept across hot reloads and shared by
 * every page, route and action of the process.
 */
export function prismaClient(): PrismaClient {
  return (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
}
