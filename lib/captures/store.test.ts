import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { keepCapture, captureDownload, capturesOfRun, CAPTURES_KEPT, MAX_CAPTURE_BYTES } = await import("./store");
const { captureFromFiles } = await import("@/lib/marketplace/capture-format");

const owner = await createOwner(db, 4401);
const other = await createOwner(db, 4402);
const app = await db.app.create({
  data: { workspaceId: owner.workspace.id, name: "Deal Desk", type: "PUBLIC", clientId: "cap-1", callbackUrl: "https://x.example/cb" },
});
const run = await db.syncRun.create({ data: { workspaceId: owner.workspace.id, trigger: "CLI" } });

const capture = (body: string, n = 0) => ({
  meta: {
    url: "https://www.pipedrive.com/en/marketplace/app/deal-desk/cap-1",
    finalUrl: "https://www.pipedrive.com/en/marketplace/app/deal-desk/cap-1",
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", server: "cloudflare" },
    fetchedAt: new Date(Date.UTC(2026, 10, 20, 12, 0, n)).toISOString(),
    kind: "LISTING" as const,
    clientId: "cap-1",
    reason: "The page is not a Marketplace listing",
    truncated: false,
  },
  body,
});

describe("captured pages", () => {
  it("downloads as the folder replay reads: response.json and the body, byte for byte", async () => {
    const body = "<!doctype html><title>Ünïcode & “quotes”</title><p>Something went wrong</p>";
    await keepCapture({ workspaceId: owner.workspace.id, appId: app.id, runId: run.id, capture: capture(body) });
    const [row] = await capturesOfRun(owner.workspace.id, run.id);
    const { filename, zip } = await captureDownload(owner, row!.id);
    expect(filename).toBe("2026-11-20T12-00-00-000Z-www.pipedrive.com-en-marketplace-app-deal-desk-cap-1.zip");
    const files = Object.fromEntries(
      Object.entries(unzipSync(zip)).map(([name, bytes]) => [name.split("/").at(-1)!, strFromU8(bytes)]),
    );
    expect(Object.keys(files).sort()).toEqual(["body.html", "response.json"]);
    expect(captureFromFiles(files)).toEqual(capture(body));
  });

  it("is another workspace's secret: not found, as is an id that is no id", async () => {
    const [row] = await capturesOfRun(owner.workspace.id, run.id);
    await expect(captureDownload(other, row!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(captureDownload(owner, "x".repeat(65))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(captureDownload(owner, 42)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await capturesOfRun(other.workspace.id, run.id)).toEqual([]);
  });

  it(`keeps the last ${CAPTURES_KEPT} per app, and cuts a body longer than the cap`, async () => {
    for (let i = 1; i <= 4; i++)
      await keepCapture({ workspaceId: owner.workspace.id, appId: app.id, capture: capture(`page ${i}`, i) });
    const kept = await db.marketplaceCapture.findMany({ where: { appId: app.id }, orderBy: { fetchedAt: "asc" } });
    expect(kept.map((k) => k.fetchedAt.getUTCSeconds())).toEqual([2, 3, 4]);
    await keepCapture({
      workspaceId: owner.workspace.id,
      appId: app.id,
      capture: capture("x".repeat(MAX_CAPTURE_BYTES + 10), 9),
    });
    const big = await db.marketplaceCapture.findFirstOrThrow({ where: { appId: app.id, truncated: true } });
    // Stored gzipped: a 2 MB page of one letter is a few kB.
    expect(big.body.length).toBeLessThan(10_000);
    const files = unzipSync((await captureDownload(owner, big.id)).zip);
    const meta = JSON.parse(strFromU8(Object.entries(files).find(([n]) => n.endsWith("response.json"))![1])) as {
      truncated: boolean;
    };
    expect(meta.truncated).toBe(true);
    expect(Object.entries(files).find(([n]) => n.endsWith("body.html"))![1].length).toBe(MAX_CAPTURE_BYTES);
  });
});
