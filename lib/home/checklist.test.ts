import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { firstRunChecklist, dismissChecklist } = await import("./checklist");
const { recordHomeVisit } = await import("./overview");

let owner: Member;
let editor: Member;

beforeAll(async () => {
  owner = await createOwner(db, 41, "Olga");
  editor = await addMember(db, owner, "EDITOR", "Eddie");
});

const done = async (member: Member) => {
  const { apps: list } = await apps.listApps(member);
  const steps = await firstRunChecklist(member, list);
  return steps && Object.fromEntries(steps.map((s) => [s.key, s.done]));
};

describe("the first-run checklist", () => {
  it("ticks each step from what the workspace holds, and goes once put away", async () => {
    const fresh = await createOwner(db, 42, "Nina");
    expect(await done(fresh)).toEqual({
      app: false,
      listing: false,
      share: false,
      team: false,
      installs: false,
      sync: false,
    });
    const app = await apps.createApp(fresh, { name: "First", type: "PUBLIC", callbackUrl: "https://f.example.com/cb" });
    await db.apiToken.create({
      data: { workspaceId: fresh.workspace.id, name: "Backend", tokenHash: "h42", prefix: "lst_abc" },
    });
    expect(await done(fresh)).toMatchObject({ app: true, installs: true, team: false, sync: false });
    // A token that was revoked no longer counts; a sync that read the page does.
    await db.apiToken.updateMany({ where: { workspaceId: fresh.workspace.id }, data: { revokedAt: new Date() } });
    const run = await db.syncRun.create({ data: { workspaceId: fresh.workspace.id, trigger: "CLI" } });
    await db.syncRunApp.create({
      data: { runId: run.id, appId: app.id, url: "u", status: "SUCCEEDED", finishedAt: new Date() },
    });
    expect(await done(fresh)).toMatchObject({ installs: false, sync: true });

    // Put away by one person, it stays for the others.
    expect(await done(editor)).not.toBeNull();
    await dismissChecklist(owner);
    expect(await done(owner)).toBeNull();
    expect(await done(editor)).not.toBeNull();
  });
});

describe("new since the last visit", () => {
  it("counts from the visit before, and a visit within half an hour continues it", async () => {
    const t0 = new Date("2026-03-01T09:00:00Z");
    expect(await recordHomeVisit(editor, t0)).toBeNull();
    // Ten minutes later: the same visit, still nothing to compare with.
    expect(await recordHomeVisit(editor, new Date(t0.getTime() + 10 * 60_000))).toBeNull();
    // The next morning: new since the last look, and it stays so while this visit lasts.
    const next = new Date(t0.getTime() + 86_400_000);
    const since = await recordHomeVisit(editor, next);
    expect(since?.toISOString()).toBe("2026-03-01T09:10:00.000Z");
    expect((await recordHomeVisit(editor, new Date(next.getTime() + 5 * 60_000)))?.toISOString()).toBe(
      "2026-03-01T09:10:00.000Z",
    );
  });
});
