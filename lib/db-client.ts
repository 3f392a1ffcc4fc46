import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseDriver } from "@/lib/db-driver";
import { env } from "@/lib/env";

/** Writers in other processes (the worker, `npm run sync`, a second server) wait for the lock this long instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/** A client on the embedded SQLite file, or on a libSQL database (see lib/db-driver.ts). */
export function createPrismaClient(url: string): PrismaClient {
  const { DATABASE_DRIVER, DATABASE_AUTH_TOKEN } = env();
  const adapter =
    databaseDriver(url, DATABASE_DRIVER) === "libsql"
      ? new PrismaLibSQL({ url, authToken: DATABASE_AUTH_TOKEN })
      : new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * The process's one client, created on first use (so that importing a module never reads the
 * environment, e.g. while `next build` collects pages), kept across hot reloads and shared by
 * the proxy and the pages (they run in the same process).
 */
export function prismaClient(): PrismaClient {
  return (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
}
