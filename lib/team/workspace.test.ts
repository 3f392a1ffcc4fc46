import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { PipedriveIdentity } from "@/lib/pipedrive/users-me";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { recordSignIn, findCurrentMembership, findCompanyWorkspace, listMembers } = await import("./workspace");

const identity = (companyId: number, userId: number, companyName = "Acme"): PipedriveIdentity => ({
  accountId: `${companyId}:${userId}`,
  userId,
  companyId,
  name: `User ${userId}`,
  email: `u${userId}@x.test`,
  image: null,
  locale: null,
  isAdmin: false,
  company: { id: companyId, name: companyName, domain: "acme" },
  sent: { name: null, companyName },
});

const createUser = (companyId: number, userId: number) =>
  db.user.create({ data: { pipedriveCompanyId: companyId, pipedriveUserId: userId, name: "placeholder" } });

describe("recordSignIn", () => {
  it("makes the first user of a company the OWNER of a new workspace named after the company", async () => {
    const user = await createUser(500, 1);
    await recordSignIn(user.id, identity(500, 1));
    const membership = await findCurrentMembership(user.id);
    expect(membership).toMatchObject({ role: "OWNER", workspace: { name: "Acme", pipedriveCompanyId: 500 } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("User 1");
  });

  it("does not add a later user of the same company", async () => {
    const second = await createUser(500, 2);
    await recordSignIn(second.id, identity(500, 2));
    expect(await findCurrentMembership(second.id)).toBeNull();
    expect(await findCompanyWorkspace(second.id)).toEqual({ name: "Acme" });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { pipedriveCompanyId: 500 } });
    expect((await listMembers(workspace.id)).map((m) => m.name)).toEqual(["User 1"]);
  });

  it("keeps the workspace name in step with Pipedrive", async () => {
    const owner = await db.user.findFirstOrThrow({ where: { pipedriveCompanyId: 500, pipedriveUserId: 1 } });
    await recordSignIn(owner.id, identity(500, 1, "Acme Renamed"));
    expect((await findCurrentMembership(owner.id))?.workspace.name).toBe("Acme Renamed");
  });

  it("gives a company exactly one workspace and one owner when two users sign in at once", async () => {
    const [a, b] = await Promise.all([createUser(600, 1), createUser(600, 2)]);
    await Promise.all([recordSignIn(a.id, identity(600, 1)), recordSignIn(b.id, identity(600, 2))]);
    expect(await db.workspace.count({ where: { pipedriveCompanyId: 600 } })).toBe(1);
    const owners = await db.membership.count({ where: { workspace: { pipedriveCompanyId: 600 }, role: "OWNER" } });
    expect(owners).toBe(1);
  });

  it("returns null for the company workspace of an unknown user", async () => {
    expect(await findCompanyWorkspace("nope")).toBeNull();
  });
});
