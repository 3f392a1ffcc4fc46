import LibsqlDatabase from "libsql";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { databaseDriver, filePathOf } from "./driver";

describe("databaseDriver", () => {
  it.each([
    ["file:./data/dev.db", undefined, "better-sqlite3"],
    ["libsql://studio-acme.turso.io", undefined, "libsql"],
    ["https://studio-acme.turso.io", undefined, "libsql"],
    ["http://libsql.internal:8080", undefined, "libsql"],
    ["file:./data/dev.db", "libsql", "libsql"],
    ["libsql://x.turso.io", "better-sqlite3", "better-sqlite3"],
  ])("%s (forced: %s) → %s", (url, forced, driver) => {
    expect(databaseDriver(url, forced)).toBe(driver);
  });

  it("reads the path of a file URL", () => {
    expect(filePathOf("file:/var/lib/studio.db")).toBe("/var/lib/studio.db");
  });
});

describe("the connections of this run", () => {
  it("use the driver the environment asks for, and both see the same database", async () => {
    setupTestDatabase();
    const { sqlConnection } = await import("@/lib/db/sql");
    const { db } = await import("@/lib/db");
    const libsql = process.env.DATABASE_DRIVER === "libsql";
    expect(sqlConnection() instanceof LibsqlDatabase).toBe(libsql);
    const adapter = (db as unknown as { _engineConfig?: { adapter?: { adapterName?: string } } })._engineConfig?.adapter
      ?.adapterName;
    expect(adapter).toBe(libsql ? "@prisma/adapter-libsql" : "@prisma/adapter-better-sqlite3");
    await db.workspace.create({ data: { pipedriveCompanyId: 4242, name: "Driver" } });
    expect(sqlConnection().prepare("SELECT name FROM Workspace WHERE pipedriveCompanyId = 4242").get()).toEqual({
      name: "Driver",
    });
  });
});
