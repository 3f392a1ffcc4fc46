import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import { captureFiles, captureFromFiles } from "@/lib/marketplace/capture-format";
import { readCaptures } from "@/lib/marketplace/capture-files";
import { replayCapture } from "@/lib/marketplace/replay";

const emulator = await startEmulator();
afterAll(() => emulator.close());
emulator.listings.put({
  clientId: "cap-client-1",
  name: "Deal Desk",
  builtBy: "Acme",
  installBand: "500+",
  categories: ["Quotes & proposals"],
  reviews: [
    { id: "r-1", author: "Ana", stars: 5, date: "2026-11-02T10:00:00Z", text: "Quick quotes", upvotes: 2, reply: null },
    { id: "r-2", author: "Bo", stars: 3, date: "2026-11-03T10:00:00Z", text: "Fine", upvotes: 0, reply: "Thanks!" },
  ],
});
const listingUrl = `${emulator.url}/en/marketplace/app/deal-desk/cap-client-1`;

/** Runs a command without blocking this process (the emulator answers from it). */
function run(script: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    join("node_modules", ".bin", "tsx"),
    [...(script.includes("capture") ? ["--conditions=react-server"] : []), script, ...args],
    {
      env: {
        ...process.env,
        MARKETPLACE_URL: emulator.url,
        MARKETPLACE_API_URL: emulator.url,
        MARKETPLACE_PACE_MS: "0",
        LOG_LEVEL: "silent",
        DEBUG: "",
      },
      timeout: 60_000,
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr: stderr.trim() })));
}

describe("npm run marketplace:capture and marketplace:replay", () => {
  const out = mkdtempSync(join(tmpdir(), "captures-"));

  it("capture saves what the emulator served, with the sync's User-Agent; replay reads it back the same", async () => {
    const captured = await run("scripts/marketplace-capture.ts", [listingUrl, "--out", out]);
    expect(captured.stderr).toBe("");
    expect(captured.status).toBe(0);
    const [folder] = readdirSync(out);
    expect(captured.stdout).toContain(`Saved ${join(out, folder!)}: HTTP 200`);
    expect(emulator.listings.requests.get("cap-client-1")!.userAgent).toMatch(/^ListingStudio-MarketplaceSync\//);
    const files = Object.fromEntries(
      readdirSync(join(out, folder!)).map((f) => [f, readFileSync(join(out, folder!, f), "utf8")]),
    );
    expect(Object.keys(files).sort()).toEqual(["body.html", "response.json"]);
    const capture = captureFromFiles(files)!;
    expect(capture.meta).toMatchObject({
      url: listingUrl,
      finalUrl: listingUrl,
      status: 200,
      kind: "LISTING",
      clientId: "cap-client-1",
      truncated: false,
    });
    expect(capture.meta.headers["content-type"]).toMatch(/^text\/html/);
    expect(Object.keys(capture.meta.headers).some((h) => /cookie/i.test(h))).toBe(false);
    expect(capture.body).toContain("Deal Desk");

    const replayed = await run("scripts/marketplace-replay.ts", [out, "--json"]);
    expect(replayed.status).toBe(0);
    const json = JSON.parse(replayed.stdout.slice(replayed.stdout.indexOf("{"))) as unknown;
    expect(json).toEqual(replayCapture(capture).readings);
    expect(json).toMatchObject({
      bot: null,
      listing: { outcome: "read", rating: 4, count: 2, reviews: 2, warnings: [] },
      content: { name: "Deal Desk", categories: ["Quotes & proposals"] },
    });
    const words = await run("scripts/marketplace-replay.ts", [join(out, folder!)]);
    expect(words.stdout).toContain("Listing: read — ");
  }, 150_000);

  it("captures the API's answer and a bot check as they were answered", async () => {
    const { captureUrl } = await import("@/lib/marketplace/capture-url");
    const policy = { trustedOrigins: [new URL(emulator.url).origin] };
    const api = await captureUrl(`${emulator.url}/api/v1/marketplace/apps/cap-client-1`, {
      policy,
      sleep: async () => {},
    });
    expect(api.meta).toMatchObject({ kind: "API", status: 200, clientId: "cap-client-1" });
    expect(replayCapture(api).readings.api).toEqual({
      app: { name: "Deal Desk", rating: 4, count: 2, reviews: 2 },
      list: null,
    });
    emulator.listings.put({ clientId: "cap-client-2", name: "Walled", reviews: [], shape: "challenge" });
    const wall = await captureUrl(`${emulator.url}/en/marketplace/app/walled/cap-client-2`, {
      policy,
      sleep: async () => {},
    });
    expect(wall.meta).toMatchObject({ status: 403, reason: expect.stringContaining("bot check") });
    expect(replayCapture(wall).readings).toMatchObject({ bot: "Just a moment...", listing: { failed: "challenge" } });
  });

  it("replay reads the zip Sync history downloads, and says when a folder holds no capture", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    const capture = {
      meta: {
        url: listingUrl,
        finalUrl: listingUrl,
        status: 200,
        headers: {},
        fetchedAt: "2026-11-20T12:00:00.000Z",
        kind: "LISTING" as const,
        clientId: "cap-client-1",
        reason: null,
        truncated: false,
      },
      body: "<html><body><h1>Something went wrong</h1></body></html>",
    };
    const zip = zipSync(
      Object.fromEntries(Object.entries(captureFiles(capture)).map(([n, t]) => [`page/${n}`, strToU8(t)])),
    );
    writeFileSync(join(dir, "page.zip"), zip);
    expect(readCaptures(join(dir, "page.zip"))).toEqual([{ name: "page", capture }]);
    const empty = mkdtempSync(join(tmpdir(), "empty-"));
    const none = await run("scripts/marketplace-replay.ts", [empty]);
    expect([none.status, none.stderr]).toEqual([
      1,
      `npm run marketplace:replay: ${empty} holds no capture (a folder with response.json and body.html or body.json, or a zip of them)`,
    ]);
  }, 60_000);
});
