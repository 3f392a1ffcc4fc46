import "server-only";
import { z } from "zod";
import { actorOf, audit } from "@/lib/audit/log";
import type { Member } from "./workspace";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ROLES, ROLE_LABELS, type Role } from "./roles";
import { authorize } from "./permissions";

/** Members of a workspace: roles, removal, leaving — a workspace always keeps an owner. */
const roleSchema = z.strictObject({ role: z.enum(ROLES, { error: "Choose Owner, Editor or Viewer" }) });

async function membershipOf(member: Member, userId: unknown) {
  if (typeof userId !== "string" || userId.length > 64) throw notFound("Member");
  const row = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: member.workspace.id, userId } },
    include: { user: { select: { name: true } } },
  });
  if (!row) throw notFound("Member");
  return row;
}

const owners = (workspaceId: string) => db.membership.count({ where: { workspaceId, role: "OWNER" } });
const lastOwner = () =>
  new AppError("CONFLICT", "A workspace keeps at least one owner: make someone else an owner first");

export async function changeRole(member: Member, userId: unknown, input: unknown) {
  authorize(member, "team.manage-members");
  const { role } = roleSchema.parse(input);
  const row = await membershipOf(member, userId);
  if (row.role === role) return;
  if (row.role === "OWNER" && (await owners(member.workspace.id)) <= 1) throw lastOwner();
  await db.membership.update({ where: { id: row.id }, data: { role } });
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "member.role",
    targetType: "member",
    targetId: row.userId,
    targetName: row.user.name,
    diff: { role: [ROLE_LABELS[row.role as Role], ROLE_LABELS[role]] },
  });
}

/** Removes a member; their sessions end at once, so an open tab is refused at its next request. */
export async function removeMember(member: Member, userId: unknown) {
  authorize(member, "team.manage-members");
  const row = await membershipOf(member, userId);
  if (row.role === "OWNER" && (await owners(member.workspace.id)) <= 1) throw lastOwner();
  await db.$transaction([
    db.membership.delete({ where: { id: row.id } }),
    db.session.deleteMany({ where: { userId: row.userId } }),
  ]);
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "member.remove",
    targetType: "member",
    targetId: row.userId,
    targetName: row.user.name,
    diff: { role: [ROLE_LABELS[row.role as Role], null] },
  });
}

export async function leaveWorkspace(member: Member) {
  if (member.role === "OWNER" && (await owners(member.workspace.id)) <= 1) throw lastOwner();
  await db.membership.delete({
    where: { workspaceId_userId: { workspaceId: member.workspace.id, userId: member.user.id } },
  });
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "member.leave",
    targetType: "member",
    targetId: member.user.id,
    targetName: member.user.name,
  });
}
