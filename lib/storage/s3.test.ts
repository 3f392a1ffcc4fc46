import { afterAll, describe, expect, it } from "vitest";
import { startS3Emulator } from "@/emulator/s3";
import { makeImage } from "@/lib/media/fixtures";
import { S3FileStorage } from "./s3";

const credentials = { accessKeyId: "AKIATESTLISTINGSTUDIO", secretAccessKey: "s3-secret-for-tests-0123456789abcdef" };
const s3 = await startS3Emulator(credentials);
afterAll(() => s3.close());

const storage = (overrides: Partial<ConstructorParameters<typeof S3FileStorage>[0]> = {}) =>
  new S3FileStorage({
    bucket: "listing-studio",
    region: "us-east-1",
    endpoint: s3.url,
    forcePathStyle: true,
    ...credentials,
    ...overrides,
  });

describe("S3FileStorage", () => {
  it("stores, reads and deletes files in the bucket, signed, with their type and a long cache life", async () => {
    const png = await makeImage(64, 64, "png", "#1c7ed6");
    const files = storage({ prefix: "tenant-a/" });
    await files.put("apps/a1/abc.png", png);
    expect(s3.objects.get("listing-studio/tenant-a/apps/a1/abc.png")).toMatchObject({
      contentType: "image/png",
      cacheControl: "public, max-age=31536000, immutable",
    });
    expect((await files.get("apps/a1/abc.png"))!.equals(png)).toBe(true);
    await files.delete("apps/a1/abc.png");
    expect(await files.get("apps/a1/abc.png")).toBeNull();
    expect(s3.requests.every((r) => r.authorized)).toBe(true);
  });

  it("answers null for a file that is not there", async () => {
    expect(await storage().get("apps/none/missing.png")).toBeNull();
  });

  it("fails loudly with wrong credentials (the server checks every signature)", async () => {
    await expect(
      storage({ secretAccessKey: "not-the-secret-0123456789" }).put("apps/a1/x.png", Buffer.from("x")),
    ).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    expect(s3.objects.has("listing-studio/apps/a1/x.png")).toBe(false);
  });

  it("refuses keys the app would never make", async () => {
    await expect(storage().put("../etc/passwd", Buffer.from("x"))).rejects.toThrow("Unsafe storage key");
  });
});

describe("uploads through the app's storage", () => {
  it("go to the bucket when S3_BUCKET is set, and are read back from it", async () => {
    const { setupTestDatabase } = await import("@/lib/test/db");
    setupTestDatabase();
    Object.assign(process.env, {
      S3_BUCKET: "uploads",
      S3_ENDPOINT: s3.url,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    const { db } = await import("@/lib/db");
    const apps = await import("@/lib/apps/service");
    const { uploadAsset, readAsset } = await import("@/lib/media/assets");
    const { createOwner } = await import("@/lib/test/members");
    const owner = await createOwner(db, 55);
    const appId = (
      await apps.createApp(owner, {
        name: "Bucketed",
        type: "PUBLIC",
        clientId: "bucketed",
        callbackUrl: "https://b.example.com/cb",
      })
    ).id;
    const asset = await uploadAsset(owner, appId, "image", {
      name: "screen.png",
      data: await makeImage(1280, 800, "png", "#37b24d"),
    });
    const stored = await db.asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(s3.objects.has(`uploads/${stored.storageKey}`)).toBe(true);
    expect(s3.objects.has(`uploads/${stored.thumbKey}`)).toBe(true);
    const full = await readAsset(owner, asset.id, "full");
    expect(full).toBeTruthy();
  });
});
