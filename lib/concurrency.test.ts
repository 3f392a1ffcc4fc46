import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

const WRITERS = 4;
const ROUNDS = 40;

function writer(name: string, appId: string, workspaceId: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      join(process.cwd(), "node_modules", ".bin", "tsx"),
      [
        "--conditions=react-server",
        "--tsconfig",
        "tsconfig.json",
        "scripts/concurrent-writer.ts",
        name,
        appId,
        workspaceId,
        String(ROUNDS),
      ],
      { env },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("four processes writing at once", () => {
  it("all succeed: no SQLITE_BUSY reaches anyone, and every write is there", async () => {
    const file = setupTestDatabase();
    const { db } = await import("@/lib/db");
    const w = await db.workspace.create({ data: { pipedriveCompanyId: 4444, name: "Busy" } });
    const app = await db.app.create({
      data: {
        workspaceId: w.id,
        name: "Busy",
        type: "PUBLIC",
        clientId: "busy",
        callbackUrl: "https://busy.example.com/cb",
      },
    });
    await db.review.create({
      data: {
        appId: app.id,
        externalKey: "shared-counter",
        source: "MANUAL",
        author: "Counter",
        stars: 5,
        text: "",
        upvotes: 0,
      },
    });
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "test" };
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => writer(`writer-${i}`, app.id, w.id, env)),
    );
    expect(results.map((r) => r.output.trim())).toEqual(Array(WRITERS).fill(""));
    expect(results.map((r) => r.code)).toEqual(Array(WRITERS).fill(0));
    expect(
      await db.review.count({ where: { appId: app.id, upvotes: 1, NOT: { externalKey: "shared-counter" } } }),
    ).toBe(WRITERS * ROUNDS);
    // Every read-then-write increment is there: none failed, none lost.
    expect(
      (await db.review.findFirstOrThrow({ where: { appId: app.id, externalKey: "shared-counter" } })).upvotes,
    ).toBe(WRITERS * ROUNDS);
    expect(await db.auditEvent.count({ where: { workspaceId: w.id, action: "test.write" } })).toBe(WRITERS * ROUNDS);
    expect(await db.installEvent.count({ where: { appId: app.id } })).toBe(WRITERS * ROUNDS * 20);
  }, 120_000);
});
