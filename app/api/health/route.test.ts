import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

describe("GET /api/health", () => {
  it("answers 200 with the database in WAL mode", async () => {
    setupTestDatabase();
    const { GET } = await import("./route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: { ok: true, journalMode: "wal" } });
  });

  it("answers 503 when the database cannot be opened", async () => {
    const { vi } = await import("vitest");
    // A fresh module graph reads the environment again (and opens a new connection).
    vi.resetModules();
    process.env.DATABASE_URL = "file:/nonexistent-dir/for/sure/health.db";
    const { GET } = await import("./route");
    const res = GET();
    expect([res.status, (await res.json()).status]).toEqual([503, "error"]);
  });
});
