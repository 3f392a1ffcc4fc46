import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { DraftConflict, getDraft, saveDraft } = await import("./drafts");

let owner: Member;
let editor: Member;
let appId: string;

const conflictOf = async (member: Member, revision: number, summary: string) => {
  const draft = await getDraft(member, appId);
  try {
    await saveDraft(member, appId, { revision, data: { ...draft.data, summary } });
  } catch (error) {
    if (error instanceof DraftConflict) return error;
    throw error;
  }
  throw new Error("expected a conflict");
};

beforeAll(async () => {
  owner = await createOwner(db, 41, "Olga Owner");
  editor = await addMember(db, owner, "EDITOR", "Ed Editor");
  appId = (
    await apps.createApp(owner, {
      name: "Tabs",
      type: "PUBLIC",
      clientId: "t",
      callbackUrl: "https://t.example.com/cb",
    })
  ).id;
});

describe("a save over a newer draft", () => {
  it("tells you when the newer save was your own, in another tab, and names anyone else", async () => {
    const start = (await getDraft(owner, appId)).revision;
    await saveDraft(owner, appId, {
      revision: start,
      data: { ...(await getDraft(owner, appId)).data, summary: "Tab one." },
    });

    const mine = await conflictOf(owner, start, "Tab two.");
    expect(mine.current.updatedByYou).toBe(true);
    expect(mine.message).toBe("You saved a newer version of this listing in another tab or window");

    const theirs = await conflictOf(editor, start, "Someone else's edit.");
    expect(theirs.current.updatedByYou).toBe(false);
    expect(theirs.message).toBe("Olga Owner saved a newer version of this listing");
    expect((await getDraft(owner, appId)).data.summary).toBe("Tab one.");
  });
});
