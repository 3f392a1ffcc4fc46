import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * One client per process, created on first use (so that importing a module never
 * reads the environment, e.g. while `next build` collects pages), kept across hot reloads.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
