import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assetKeys, LocalFileStorage } from "./local";

describe("LocalFileStorage", () => {
  const storage = new LocalFileStorage(mkdtempSync(join(tmpdir(), "storage-")));

  it("stores, reads and deletes files by key", async () => {
    await storage.put("apps/a1/x.png", Buffer.from("data"));
    expect((await storage.get("apps/a1/x.png"))?.toString()).toBe("data");
    await storage.delete("apps/a1/x.png");
    expect(await storage.get("apps/a1/x.png")).toBeNull();
  });

  it.each(["../etc/passwd", "/abs/path", "apps/../../x", "APPS/X", ""])("refuses the unsafe key %s", async (key) => {
    await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/Unsafe storage key/);
  });

  it("names files by content hash", () => {
    expect(assetKeys("app1", "ab".repeat(32), "image/jpeg")).toEqual({
      storageKey: `apps/app1/${"ab".repeat(32)}.jpg`,
      thumbKey: `apps/app1/${"ab".repeat(32)}.thumb.webp`,
    });
  });
});
