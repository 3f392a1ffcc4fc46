import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI skips .env when a config file exists, and without a URL it tries to download an engine.
process.env.DATABASE_URL ??= "file:./data/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    const url = process.env.DATABASE_URL!;
    // SQLite creates the file but not its folder (data/ is not in git).
    if (url.startsWith("file:")) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
