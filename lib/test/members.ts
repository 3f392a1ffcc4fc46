import type { Member } from "@/lib/authz";
import type { Role } from "@/lib/team/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A workspace of Pipedrive company `company` with its owner, as `requireMember` would return them. */
export async function createOwner(db: PrismaClient, company: number, name = "Owner"): Promise<Member> {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: company, name: `Workspace ${company}` } });
  const u = await db.user.create({ data: { pipedriveCompanyId: company, pipedriveUserId: 1, name } });
  await db.membership.create({ data: { workspaceId: w.id, userId: u.id, role: "OWNER" } });
  return {
    user: { id: u.id, name, email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: company },
    role: "OWNER",
  };
}

/** Another person in `of`'s workspace with `role` (a new Pipedrive user of the same company). */
export async function addMember(db: PrismaClient, of: Member, role: Role, name: string = role): Promise<Member> {
  const company = of.workspace.pipedriveCompanyId;
  const count = await db.user.count({ where: { pipedriveCompanyId: company } });
  const u = await db.user.create({ data: { pipedriveCompanyId: company, pipedriveUserId: count + 1, name } });
  await db.membership.create({ data: { workspaceId: of.workspace.id, userId: u.id, role } });
  return { user: { id: u.id, name, email: null, image: null }, workspace: of.workspace, role };
}
