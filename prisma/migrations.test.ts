import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";

type Row = { type: string; name: string; sql: string | null };

const normalise = (sql: string | null) => (sql ?? "").replace(/\s+/g, " ").replace(/"/g, "").trim();

/**
 * The schema as structure, not text: a column added by ALTER TABLE lands at the end of the
 * table's SQL, which is the same table as one created with it in place.
 */
function schemaOf(db: Database.Database) {
  const objects = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY type, name",
    )
    .all() as Row[];
  return objects.map((o) =>
    o.type === "table"
      ? {
          table: o.name,
          columns: (db.prepare(`PRAGMA table_info("${o.name}")`).all() as { name: string }[])
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(({ cid: _cid, ...c }: { cid?: number; name: string }) => c),
          foreignKeys: db
            .prepare(`PRAGMA foreign_key_list("${o.name}")`)
            .all()
            .map((fk) => ({ ...(fk as object), id: undefined, seq: undefined })),
        }
      : { [o.type]: o.name, sql: normalise(o.sql) },
  );
}

describe("prisma/migrations", () => {
  it("produce exactly the schema described by schema.prisma", () => {
    const fromMigrations = new Database(inject("templateDatabase"), { readonly: true });
    const script = execFileSync(
      join("node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma", "--script"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "diff-")), "unused.db")}` },
      },
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
