import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { prismaClient } from "@/lib/db/prisma";

export { createPrismaClient } from "@/lib/db/prisma";

/** A write refused by a unique constraint: another request (or instance) stored the same row first. */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The process's Prisma client (see lib/db/prisma.ts), for server code. */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = prismaClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
