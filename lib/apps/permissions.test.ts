import { clientSecretContext } from "@/lib/crypto/contexts";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("./service");
const { saveDraft, getDraft } = await import("@/lib/listing/drafts");
const { saveVersion, restoreVersion, listVersions } = await import("@/lib/listing/versions");
const { uploadAsset } = await import("@/lib/media/assets");
const { importListing } = await import("@/lib/listing/transfer");
const { makeImage } = await import("@/lib/media/fixtures");
const { openSecret } = await import("@/lib/crypto/keys");

let appId: string;
let owner: Member;
let viewer: Member;
let stranger: Member;

beforeAll(async () => {
  owner = await createOwner(db, 1, "Owner");
  viewer = await addMember(db, owner, "VIEWER", "Viewer");
  stranger = await createOwner(db, 2, "Stranger");
  appId = (
    await apps.createApp(owner, {
      name: "App",
      type: "PUBLIC",
      clientId: "c",
      callbackUrl: "https://a.example.com/cb",
      clientSecret: "s3cret",
    })
  ).id;
  await saveVersion(owner, appId, { label: "v1" });
});

describe("write use cases refuse a VIEWER on the server", () => {
  const refused = { code: "FORBIDDEN" };
  it.each([
    [
      "createApp",
      () => apps.createApp(viewer, { name: "X", type: "PUBLIC", clientId: "c", callbackUrl: "https://x.example.com" }),
    ],
    ["setClientSecret", () => apps.setClientSecret(viewer, appId, { clientSecret: "x" })],
    ["setClientId", () => apps.setClientId(viewer, appId, { clientId: "x" })],
    ["setArchived", () => apps.setArchived(viewer, appId, true)],
    ["deleteApp", () => apps.deleteApp(viewer, appId, "App")],
    [
      "saveDraft",
      async () =>
        saveDraft(viewer, appId, {
          revision: (await getDraft(owner, appId)).revision,
          data: (await getDraft(owner, appId)).data,
        }),
    ],
    ["saveVersion", () => saveVersion(viewer, appId, { label: "nope" })],
    ["restoreVersion", async () => restoreVersion(viewer, appId, (await listVersions(owner, appId))[0]!.id)],
    ["uploadAsset", async () => uploadAsset(viewer, appId, "icon", { name: "i.png", data: await makeImage(256, 256) })],
    ["importListing", () => importListing(viewer, appId, Buffer.from("{}"))],
  ])("%s", async (_name, call) => {
    await expect(call()).rejects.toMatchObject(refused);
  });

  it("an editor may not set the secret or delete; an owner may", async () => {
    const editor: Member = { ...owner, role: "EDITOR" };
    await expect(apps.setClientSecret(editor, appId, { clientSecret: "x" })).rejects.toMatchObject(refused);
    await expect(apps.deleteApp(editor, appId, "App")).rejects.toMatchObject(refused);
    await apps.setClientSecret(owner, appId, { clientSecret: "new-secret" });
  });

  it("another workspace's app is not found, never shown", async () => {
    await expect(apps.getApp(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDraft(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listVersions(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never returns the client secret, only whether one is set", async () => {
    const summary = await apps.getApp(owner, appId);
    expect(summary.hasClientSecret).toBe(true);
    expect(JSON.stringify(summary)).not.toMatch(/s3cret|new-secret|v1\./);
    const row = await db.app.findUniqueOrThrow({ where: { id: appId } });
    expect(row.clientSecret).toMatch(/^v1\./);
    expect(row.clientSecret).not.toContain("new-secret");
    expect(openSecret(row.clientSecret!, clientSecretContext(appId))).toBe("new-secret");
    expect(() => openSecret(row.clientSecret!, clientSecretContext("another-app"))).toThrow();
  });
});

describe("the client ID, added after the listing was drafted", () => {
  it("is optional at creation, checked when added, scoped to the workspace and audited", async () => {
    const early = await apps.createApp(owner, {
      name: "Early",
      type: "PUBLIC",
      callbackUrl: "https://e.example.com/cb",
    });
    expect(early.clientId).toBe("");
    await expect(apps.setClientId(owner, early.id, { clientId: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(apps.setClientId(owner, early.id, { clientId: "two words" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(apps.setClientId(stranger, early.id, { clientId: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await apps.setClientId(owner, early.id, { clientId: " early-42 " });
    expect((await apps.getApp(owner, early.id)).clientId).toBe("early-42");
    const entry = await db.auditEvent.findFirstOrThrow({ where: { action: "app.client-id", targetId: early.id } });
    expect(JSON.parse(entry.diff!)).toEqual({ clientId: [null, "early-42"] });
  });
});
