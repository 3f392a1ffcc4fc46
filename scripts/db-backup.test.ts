import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { backupDatabase } from "./db-backup";

describe("db:backup", () => {
  it("backs up while a connection writes, and restoring the copy gives the same data", async () => {
    const file = setupTestDatabase();
    const live = new Database(file);
    live.pragma("journal_mode = WAL");
    live
      .prepare(
        "INSERT INTO Workspace (id, pipedriveCompanyId, name, timeZone, createdAt, updatedAt) VALUES ('w1', 1, 'Before', 'UTC', 0, 0)",
      )
      .run();
    const folder = mkdtempSync(join(tmpdir(), "backup-"));
    const { file: backup, tables } = await backupDatabase(`file:${file}`, folder, new Date("2026-11-29T00:00:00Z"));
    expect(backup).toMatch(/listing-studio-2026-11-29T00-00-00-000Z\.db$/);
    expect(tables).toBeGreaterThan(20);
    // Written after the backup: not in it.
    live
      .prepare(
        "INSERT INTO Workspace (id, pipedriveCompanyId, name, timeZone, createdAt, updatedAt) VALUES ('w2', 2, 'After', 'UTC', 0, 0)",
      )
      .run();
    live.close();

    // Restore: the copy over the database file, without its WAL.
    for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
    copyFileSync(backup, file);
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare("SELECT name FROM Workspace ORDER BY name").all()).toEqual([{ name: "Before" }]);
    restored.close();
  });

  it("refuses a database that is not a SQLite file", async () => {
    await expect(backupDatabase("libsql://example.turso.io", tmpdir())).rejects.toThrow(
      "db:backup works on a SQLite file",
    );
  });
});
