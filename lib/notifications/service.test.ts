import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";

setupTestDatabase();
delete process.env.SMTP_URL;
const { db } = await import("@/lib/db");
const { notify } = await import("./notify");
const { listNotifications, markRead, preferences, savePreferences, unreadCount } = await import("./service");

let owner: Member;
let viewer: Member;
beforeAll(async () => {
  owner = await createOwner(db, 811);
  viewer = await addMember(db, owner, "VIEWER");
});

describe("notifications in the app", () => {
  it("reaches the members with the role asked for, unread, and in the app only without SMTP", async () => {
    await notify(
      owner.workspace.id,
      { kind: "ACCESS_REQUEST", title: "Ben asks to join the workspace", link: "/team" },
      { minRole: "OWNER" },
    );
    await notify(owner.workspace.id, {
      kind: "SUBMISSION",
      title: "QuoteFlow: Draft → In review",
      link: "/apps/x/submission",
    });
    expect([await unreadCount(owner), await unreadCount(viewer)]).toEqual([2, 1]);
    expect(await db.notification.count({ where: { emailState: { not: null } } })).toBe(0);
    const { rows } = await listNotifications(owner);
    expect(rows.map((r) => r.title)).toEqual(["QuoteFlow: Draft → In review", "Ben asks to join the workspace"]);
  });

  it("marks one or all read; another person's notification is not found", async () => {
    const [latest] = (await listNotifications(owner)).rows;
    await markRead(owner, latest!.id);
    expect(await unreadCount(owner)).toBe(1);
    await expect(markRead(viewer, latest!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markRead(owner, "all");
    expect(await unreadCount(owner)).toBe(0);
    expect((await listNotifications(owner, { unread: true })).total).toBe(0);
  });

  it("respects each person's choice per kind; the settings say email is off without SMTP", async () => {
    await savePreferences(viewer, { kinds: [{ kind: "SUBMISSION", inApp: false, email: false }] });
    await notify(owner.workspace.id, {
      kind: "SUBMISSION",
      title: "QuoteFlow: In review → Approved",
      link: "/apps/x/submission",
    });
    expect(
      await db.notification.count({ where: { userId: viewer.user.id, title: "QuoteFlow: In review → Approved" } }),
    ).toBe(0);
    expect(
      await db.notification.count({ where: { userId: owner.user.id, title: "QuoteFlow: In review → Approved" } }),
    ).toBe(1);
    const prefs = await preferences(viewer);
    expect(prefs.emailOn).toBe(false);
    expect(prefs.kinds.find((k) => k.kind === "SUBMISSION")).toMatchObject({ inApp: false, email: false });
    expect(prefs.kinds.find((k) => k.kind === "ALERT")).toMatchObject({ inApp: true, email: true });
    await expect(
      savePreferences(viewer, { kinds: [{ kind: "NOPE", inApp: true, email: true }] }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });
});
