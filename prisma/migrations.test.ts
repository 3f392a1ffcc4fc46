import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";

type Row = { type: string; name: string; sql: string | null };

const normalise = (sql: string | null) => (sql ?? "").replace(/\s+/g, " ").replace(/"/g, "").trim();

function schemaOf(db: Database.Database) {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY type, name").all() as Row[]).map(
    (r) => ({ ...r, sql: normalise(r.sql) }),
  );
}

describe("prisma/migrations", () => {
  it("produce exactly the schema described by schema.prisma", () => {
    const fromMigrations = new Database(inject("templateDatabase"), { readonly: true });
    const script = execFileSync(
      join("node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "diff-")), "unused.db")}` } },
    )
      .split("\n")
      .filter((line) => !line.startsWith("Loaded Prisma config"))
      .join("\n");
    const fromSchema = new Database(":memory:");
    fromSchema.exec(script);

    expect(schemaOf(fromMigrations)).toEqual(schemaOf(fromSchema));
    expect(schemaOf(fromSchema).length).toBeGreaterThan(5);
  });
});
