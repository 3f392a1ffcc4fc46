import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemo } from "./seed-data";

const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
try {
  await seedDemo(db, process.env.STORAGE_DIR ?? "data/uploads");
  console.log("Seeded demo data.");
} finally {
  await db.$disconnect();
}
