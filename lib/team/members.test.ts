import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const { db } = await import("@/lib/db");
const members = await import("./members");
const invitations = await import("./invitations");
const { findCurrentMembership, listMemberships } = await import("./workspace");

let owner: Member;
let other: Member;
let ws: { id: string; name: string; domain: null; pipedriveCompanyId: number };
let n = 0;

async function person(name: string, companyId = 301) {
  const u = await db.user.create({ data: { pipedriveCompanyId: companyId, pipedriveUserId: ++n, name } });
  return { id: u.id, name, email: null, image: null };
}
const as = (user: Member["user"], role: Member["role"], workspace = ws): Member => ({ user, workspace, role });

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 301, name: "Team" } });
  ws = { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 301 };
  const o = await person("Olive");
  await db.membership.create({ data: { workspaceId: w.id, userId: o.id, role: "OWNER" } });
  owner = as(o, "OWNER");
  const w2 = await db.workspace.create({ data: { pipedriveCompanyId: 302, name: "Elsewhere" } });
  const s = await person("Sam", 302);
  await db.membership.create({ data: { workspaceId: w2.id, userId: s.id, role: "OWNER" } });
  other = as(s, "OWNER", { id: w2.id, name: w2.name, domain: null, pipedriveCompanyId: 302 });
});

const audit = (action: string) => db.auditEvent.findMany({ where: { workspaceId: ws.id, action } });

describe("invitations", () => {
  it("an owner's link lets one person join once, with its role, within 7 days", async () => {
    await expect(invitations.createInvitation(as(owner.user, "EDITOR"), { role: "EDITOR" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const now = new Date("2026-11-28T10:00:00Z");
    const { path } = await invitations.createInvitation(owner, { role: "EDITOR", label: "for Eve" }, now);
    const token = path.split("/").at(-1)!;
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await invitations.inspectInvitation(token, now)).toMatchObject({
      state: "open",
      workspace: "Team",
      role: "EDITOR",
    });
    expect(await invitations.inspectInvitation(token, new Date(now.getTime() + 8 * 86_400_000))).toMatchObject({
      state: "expired",
    });

    const eve = await person("Eve", 999);
    expect(await invitations.acceptInvitation(eve, token, now)).toEqual({ workspaceId: ws.id, joined: true });
    expect((await findCurrentMembership(eve.id))?.role).toBe("EDITOR");
    const mallory = await person("Mallory", 998);
    await expect(invitations.acceptInvitation(mallory, token, now)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await invitations.inspectInvitation(token, now)).toMatchObject({ state: "used" });
    await expect(invitations.acceptInvitation(mallory, "x".repeat(43), now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await audit("member.join")).toHaveLength(1);
  });

  it("a revoked link no longer works; another workspace cannot revoke it", async () => {
    const { id, path } = await invitations.createInvitation(owner, { role: "VIEWER" });
    await expect(invitations.revokeInvitation(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await invitations.revokeInvitation(owner, id);
    expect(await invitations.inspectInvitation(path.split("/").at(-1)!)).toMatchObject({ state: "expired" });
    expect((await invitations.listInvitations(owner)).find((i) => i.id === id)?.state).toBe("revoked");
  });
});

describe("access requests", () => {
  it("someone of the company asks, an owner approves with a role", async () => {
    const carl = await person("Carl");
    await invitations.requestAccess(carl);
    await invitations.requestAccess(carl);
    const [request] = await invitations.listAccessRequests(owner);
    expect(request).toMatchObject({ name: "Carl" });
    await expect(invitations.decideAccessRequest(other, request!.id, { approve: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await invitations.decideAccessRequest(owner, request!.id, { approve: true, role: "EDITOR" });
    expect((await findCurrentMembership(carl.id))?.role).toBe("EDITOR");
    await expect(invitations.requestAccess(carl)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a denied request can be asked again", async () => {
    const dina = await person("Dina");
    await invitations.requestAccess(dina);
    const request = (await invitations.listAccessRequests(owner)).find((r) => r.name === "Dina")!;
    await invitations.decideAccessRequest(owner, request.id, { approve: false });
    expect(await invitations.accessRequestOf(dina.id)).toMatchObject({ status: "DENIED" });
    await invitations.requestAccess(dina);
    expect(await invitations.accessRequestOf(dina.id)).toMatchObject({ status: "PENDING" });
  });
});

describe("members", () => {
  it("keeps at least one owner, changes roles, and removing a member ends their sessions", async () => {
    await expect(members.changeRole(owner, owner.user.id, { role: "EDITOR" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(members.leaveWorkspace(owner)).rejects.toMatchObject({ code: "CONFLICT" });
    const carl = await db.user.findFirstOrThrow({ where: { name: "Carl" } });
    await expect(members.changeRole(as(owner.user, "EDITOR"), carl.id, { role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(members.changeRole(owner, carl.id, { role: "ADMIN" })).rejects.toMatchObject({ name: "ZodError" });
    await members.changeRole(owner, carl.id, { role: "OWNER" });
    await members.changeRole(owner, owner.user.id, { role: "EDITOR" });
    expect((await audit("member.role")).map((a) => a.diff)).toEqual([
      JSON.stringify({ role: ["Editor", "Owner"] }),
      JSON.stringify({ role: ["Owner", "Editor"] }),
    ]);

    const eve = await db.user.findFirstOrThrow({ where: { name: "Eve" } });
    await db.session.create({
      data: { userId: eve.id, sessionToken: "hashed-token-of-eve", expires: new Date(Date.now() + 86_400_000) },
    });
    const carlOwner = as({ id: carl.id, name: "Carl", email: null, image: null }, "OWNER");
    await expect(members.removeMember(other, eve.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await members.removeMember(carlOwner, eve.id);
    expect(await findCurrentMembership(eve.id)).toBeNull();
    expect(await db.session.count({ where: { userId: eve.id } })).toBe(0);
  });

  it("a person in several workspaces opens the one chosen, and falls back when it is gone", async () => {
    const carl = await db.user.findFirstOrThrow({ where: { name: "Carl" } });
    await db.membership.create({ data: { workspaceId: other.workspace.id, userId: carl.id, role: "VIEWER" } });
    expect((await listMemberships(carl.id)).map((w) => w.name).sort()).toEqual(["Elsewhere", "Team"]);
    expect((await findCurrentMembership(carl.id, other.workspace.id))?.workspace.name).toBe("Elsewhere");
    expect((await findCurrentMembership(carl.id, "not-mine"))?.workspace.name).toBe("Team");
  });
});
