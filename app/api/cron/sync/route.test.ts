import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const emulator = await startEmulator();
const SECRET = "cron-secret-for-route-tests-0123456789";
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
process.env.CRON_SECRET = SECRET;
const { db } = await import("@/lib/db");
const { POST } = await import("./route");

const call = (authorization?: string) =>
  POST(
    new Request("http://localhost/api/cron/sync", { method: "POST", headers: authorization ? { authorization } : {} }),
  );

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 501, name: "Cron" } });
  await db.app.create({
    data: {
      workspaceId: w.id,
      name: "Cron App",
      type: "PUBLIC",
      status: "PUBLISHED",
      clientId: "cron-app",
      callbackUrl: "https://x.example.com/cb",
    },
  });
  emulator.listings.put({
    clientId: "cron-app",
    name: "Cron App",
    builtBy: "Acme",
    summary: "",
    installBand: null,
    reviews: [{ id: "1", author: "Ann", stars: 4, date: "2026-11-01", text: "Nice", upvotes: 0, reply: null }],
  });
});
afterAll(() => emulator.close());

describe("POST /api/cron/sync", () => {
  it.each([
    [undefined, "missing"],
    ["Bearer wrong-secret", "wrong"],
    [`Basic ${SECRET}`, "not a bearer"],
    [`Bearer ${SECRET}x`, "longer"],
  ] as [string | undefined, string][])("refuses %s (%s) with 401 and runs nothing", async (authorization) => {
    const res = await call(authorization);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "A valid Bearer CRON_SECRET is required" },
    });
    expect(await db.syncRun.count()).toBe(0);
  });

  it("with the secret, syncs every workspace and answers each run", async () => {
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      failed: 0,
      runs: [{ workspace: "Cron", status: "SUCCEEDED", apps: 1, added: 1, skipped: false }],
    });
    expect(await db.syncRun.findFirst()).toMatchObject({ trigger: "CRON", status: "SUCCEEDED" });
    expect(await db.review.count()).toBe(1);
  });
});
