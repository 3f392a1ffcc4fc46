import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseDriver, filePathOf } from "./lib/db/driver";

// The CLI skips .env when a config file exists, and without a URL it tries to download an engine.
process.env.DATABASE_URL ??= "file:./data/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // The schema is prisma/schema.prisma (generator, datasource) and the models in prisma/models/.
  schema: "prisma",
  async adapter() {
    const url = process.env.DATABASE_URL!;
    // SQLite creates the file but not its folder (data/ is not in git).
    if (url.startsWith("file:")) mkdirSync(dirname(filePathOf(url)), { recursive: true });
    // libSQL (Turso, a self-hosted server, or its local file mode) runs the same migrations.
    if (databaseDriver(url, process.env.DATABASE_DRIVER) === "libsql")
      return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
    return new PrismaBetterSQLite3({ url });
  },
});
