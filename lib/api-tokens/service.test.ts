import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const { db } = await import("@/lib/db");
const tokens = await import("./service");

let owner: Member;
let stranger: Member;

beforeAll(async () => {
  const make = async (company: number) => {
    const w = await db.workspace.create({ data: { pipedriveCompanyId: company, name: `W${company}` } });
    const u = await db.user.create({
      data: { pipedriveCompanyId: company, pipedriveUserId: 1, name: `Owner ${company}` },
    });
    return {
      user: { id: u.id, name: u.name, email: null, image: null },
      workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: company },
      role: "OWNER",
    } satisfies Member;
  };
  owner = await make(701);
  stranger = await make(702);
});

describe("API tokens", () => {
  it("only owners create and revoke them; shown once, kept as a hash; another workspace cannot revoke", async () => {
    await expect(tokens.createApiToken({ ...owner, role: "EDITOR" }, { name: "CI" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(tokens.createApiToken(owner, { name: " " })).rejects.toMatchObject({ name: "ZodError" });
    const { token, id } = await tokens.createApiToken(owner, { name: "CI" });
    expect(JSON.stringify(await db.apiToken.findUniqueOrThrow({ where: { id } }))).not.toContain(token);
    expect((await tokens.tokenOf(`Bearer ${token}`)).workspaceId).toBe(owner.workspace.id);
    await expect(tokens.revokeApiToken(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(tokens.revokeApiToken({ ...owner, role: "VIEWER" }, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await tokens.revokeApiToken(owner, id);
    await expect(tokens.tokenOf(`Bearer ${token}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await tokens.listApiTokens(stranger)).toEqual([]);
    expect((await db.auditEvent.findMany({ where: { workspaceId: owner.workspace.id } })).map((a) => a.action)).toEqual(
      ["token.create", "token.revoke"],
    );
  });
});
