import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { getDraft, saveDraft } = await import("./drafts");
const { listVersions, listingAt, restoreVersion, saveVersion } = await import("./versions");

let owner: Member;
let appId: string;

const type = async (summary: string) => {
  const draft = await getDraft(owner, appId);
  await saveDraft(owner, appId, { revision: draft.revision, data: { ...draft.data, summary } });
};

beforeAll(async () => {
  owner = await createOwner(db, 31, "Owner");
  appId = (
    await apps.createApp(owner, {
      name: "Restorer",
      type: "PUBLIC",
      clientId: "r",
      callbackUrl: "https://r.example.com/cb",
    })
  ).id;
});

describe("restoring a version", () => {
  it("keeps the draft it replaces as a version first, so nothing typed is lost", async () => {
    await type("The first summary.");
    const v1 = await saveVersion(owner, appId, { label: "First" });
    await type("Typed since, never saved as a version.");

    const restored = await restoreVersion(owner, appId, v1.id);
    expect(restored.data.summary).toBe("The first summary.");
    const versions = await listVersions(owner, appId);
    const backup = versions.find((v) => v.number === restored.backupVersion);
    expect(backup?.label).toBe(`Before restoring version ${v1.number}`);
    expect((await listingAt(owner, appId, backup!.id)).summary).toBe("Typed since, never saved as a version.");
  });

  it("adds no copy when the latest version already holds the draft", async () => {
    const before = (await listVersions(owner, appId)).length;
    const first = (await listVersions(owner, appId)).find((v) => v.label === "First")!;
    const again = await restoreVersion(owner, appId, first.id);
    expect(again.backupVersion).toBeNull();
    // Only the restore itself is recorded.
    expect((await listVersions(owner, appId)).length).toBe(before + 1);
  });
});
