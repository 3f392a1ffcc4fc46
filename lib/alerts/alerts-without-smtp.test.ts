import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
delete process.env.SMTP_URL;
const { db } = await import("@/lib/db");
const { createRule } = await import("./rules");
const { raiseAlert } = await import("./alerts");

describe("an alert rule's email destination without SMTP", () => {
  it("is not used up: nothing is claimed or counted, and the app destination still works", async () => {
    const owner = await createOwner(db, 931);
    await db.user.update({ where: { id: owner.user.id }, data: { email: "o@example.com" } });
    const app = await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Mailless",
        type: "PUBLIC",
        clientId: "m",
        callbackUrl: "https://m.example.com",
      },
    });
    await createRule(owner, { name: "Email only", event: "NEW_REVIEW", inApp: false, email: true });
    await createRule(owner, { name: "In the app", event: "NEW_REVIEW", stars: [1], inApp: true });
    for (const r of await db.alertRule.findMany({
      where: { workspaceId: owner.workspace.id, name: { notIn: ["Email only", "In the app"] } },
    }))
      await db.alertRule.delete({ where: { id: r.id } });
    const review = { id: "r", author: "Ann", stars: 1, text: "", reviewedAt: null };
    const { delivered } = await raiseAlert({ appId: app.id, key: "review:r", data: { type: "NEW_REVIEW", review } });
    expect([...delivered]).toEqual(["IN_APP"]);
    const destinations = await db.alertDispatch.findMany({
      where: { NOT: { destination: { startsWith: "matched:" } } },
      select: { destination: true },
    });
    expect(destinations).toEqual([{ destination: "IN_APP" }]);
    expect(await db.notification.count({ where: { emailState: { not: null } } })).toBe(0);
  });
});
