import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { CollectionInput } from "@/emulator/collections";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
const { db } = await import("@/lib/db");
const { syncPositions } = await import("@/lib/positions/sync");
const { competitorSuggestions } = await import("./suggestions");

const put = (list: CollectionInput) =>
  fetch(`${emulator.url}/__emulator/collections`, { method: "POST", body: JSON.stringify(list) }).then((r) =>
    expect(r.status).toBe(201),
  );
const fetchOptions = { sleep: async () => {}, random: () => 0.5, timeoutMs: 2_000, attempts: 1 };
const rival = (n: number) => ({ clientId: `rival-${n}`, name: `Rival ${n}` });

let owner: Member;
let appId: string;
beforeAll(async () => {
  owner = await createOwner(db, 601);
  const app = (name: string, clientId: string, categories: string[]) =>
    db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name,
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId,
        callbackUrl: "https://q.example.com/cb",
        draft: { create: { data: JSON.stringify({ categories }) } },
      },
    });
  appId = (await app("QuoteFlow", "quoteflow", ["Sales tools", "Documents"])).id;
  await app("SisterApp", "sister", []);
  await db.competitor.create({
    data: {
      workspaceId: owner.workspace.id,
      appId,
      clientId: "rival-2",
      name: "Rival 2",
      url: `${emulator.url}/en/marketplace/app/rival-2/rival-2`,
    },
  });
  for (const key of ["top-rated", "trending", "app-extensions"])
    await put({ kind: "collection", key, name: key, shape: "json-ld", apps: [rival(9)] });
  await put({
    kind: "category",
    key: "sales-tools",
    name: "Sales tools",
    shape: "next-data",
    apps: [
      rival(1),
      { clientId: "sister", name: "SisterApp" },
      rival(2),
      rival(3),
      { clientId: "quoteflow", name: "QuoteFlow" },
    ],
  });
  await put({ kind: "category", key: "documents", name: "Documents", shape: "dom", apps: [rival(3), rival(4)] });
});
afterAll(() => emulator.close());

describe("competitor suggestions", () => {
  it("are none before a sync has read the app's categories", async () => {
    expect(await competitorSuggestions(owner, appId)).toEqual([]);
  });

  it("are the first apps of the app's categories, best placed first, without the workspace's apps or those followed", async () => {
    await syncPositions(owner.workspace.id, { now: new Date("2026-11-20T10:00:00Z"), fetch: fetchOptions });
    const suggestions = await competitorSuggestions(owner, appId);
    expect(suggestions.map((s) => [s.name, s.places.map((p) => `#${p.rank} in ${p.list}`)])).toEqual([
      ["Rival 3", ["#1 in Documents", "#4 in Sales tools"]],
      ["Rival 1", ["#1 in Sales tools"]],
      ["Rival 4", ["#2 in Documents"]],
    ]);
    expect(suggestions[1]!.url).toMatch(new RegExp(`^${emulator.url}/en/marketplace/app/[a-z0-9-]+/rival-1$`));
    // The collections are not the app's categories: Rival 9 is not suggested.
    // A list read again replaces what was kept of it.
    await put({ kind: "category", key: "documents", name: "Documents", shape: "dom", apps: [rival(5)] });
    await syncPositions(owner.workspace.id, { now: new Date("2026-11-21T10:00:00Z"), fetch: fetchOptions });
    expect((await competitorSuggestions(owner, appId)).map((s) => s.name)).toEqual(["Rival 5", "Rival 1", "Rival 3"]);
  });

  it("another workspace's app is not found", async () => {
    const stranger = await createOwner(db, 602);
    await expect(competitorSuggestions(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
