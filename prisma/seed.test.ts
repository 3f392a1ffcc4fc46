import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { checkReadiness } from "@/lib/listing/readiness";
import { listingDraftSchema, submissionProblems } from "@/lib/listing/schema";
import { LocalFileStorage } from "@/lib/storage/local";
import { setupTestDatabase } from "@/lib/test/db";
import { seedDemo } from "./seed-data";

describe("demo seed", () => {
  it("creates three apps with valid listings and real images, and is idempotent", async () => {
    const db = createPrismaClient(`file:${setupTestDatabase()}`);
    const storageDir = mkdtempSync(join(tmpdir(), "seed-"));
    await seedDemo(db, storageDir);
    await seedDemo(db, storageDir);

    const apps = await db.app.findMany({ include: { draft: true, assets: true } });
    expect(apps.map((a) => a.name).sort()).toEqual(["CallSprout", "Ledgerly Sync", "QuoteFlow"]);
    const quoteFlow = apps.find((a) => a.name === "QuoteFlow")!;
    expect(submissionProblems(JSON.parse(quoteFlow.draft!.data))).toEqual({});
    const icons = Object.fromEntries(quoteFlow.assets.filter((a) => a.kind === "ICON").map((a) => [a.id, a]));
    expect(checkReadiness(JSON.parse(quoteFlow.draft!.data), { icons })).toMatchObject({ score: 100, items: [] });
    expect(quoteFlow.assets.filter((a) => a.kind === "IMAGE")).toHaveLength(3);
    expect(quoteFlow.assets.filter((a) => a.kind === "ONBOARDING")).toHaveLength(2);
    const icon = quoteFlow.assets.find((a) => a.kind === "ICON")!;
    expect(icon).toMatchObject({ width: 512, height: 512, mime: "image/png" });
    expect((await new LocalFileStorage(storageDir).get(icon.storageKey))?.length).toBe(icon.bytes);
    await db.$disconnect();
  }, 60_000);
});
