import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseLabel, requireMigratedDatabase, runCli } from "../scripts/cli";
import { seedDemo } from "./seed-data";

await runCli("npm run db:seed", async () => {
  const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
  requireMigratedDatabase(url);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    await seedDemo(db, process.env.STORAGE_DIR ?? "data/uploads");
    console.log(`Seeded demo data into ${databaseLabel(url)}.`);
  } finally {
    await db.$disconnect();
  }
});
