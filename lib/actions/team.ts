"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser, rememberWorkspace, requireMember, WORKSPACE_COOKIE } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { action } from "./action";
import { createInvitation, decideAccessRequest, revokeInvitation } from "@/lib/team/invitations";
import { changeRole, leaveWorkspace, removeMember } from "@/lib/team/members";
import { findCurrentMembership } from "@/lib/team/workspace";
import { safeReturnPath } from "@/lib/http/paths";

export async function changeRoleAction(userId: string, input: unknown) {
  return action(async () => {
    await changeRole(await requireMember("team.manage-members"), userId, input);
    revalidatePath("/team");
  });
}

export async function removeMemberAction(userId: string) {
  return action(async () => {
    await removeMember(await requireMember("team.manage-members"), userId);
    revalidatePath("/team");
  });
}

export async function leaveWorkspaceAction() {
  const result = await action(async () => leaveWorkspace(await requireMember()));
  if (!result.ok) return result;
  (await cookies()).delete(WORKSPACE_COOKIE);
  redirect("/apps");
}

export async function createInvitationAction(input: unknown) {
  return action(async () => {
    const created = await createInvitation(await requireMember("team.invite"), input);
    revalidatePath("/team");
    return created;
  });
}

export async function revokeInvitationAction(invitationId: string) {
  return action(async () => {
    await revokeInvitation(await requireMember("team.revoke-invitation"), invitationId);
    revalidatePath("/team");
  });
}

export async function decideAccessAction(requestId: string, input: unknown) {
  return action(async () => {
    await decideAccessRequest(await requireMember("team.decide-access"), requestId, input);
    revalidatePath("/team");
  });
}

/**
 * Opens another of the user's workspaces (membership checked now and on every request), then
 * `next` when it is a path of this site (a link that led to the switch), otherwise the apps.
 */
export async function switchWorkspaceAction(workspaceId: string, next?: string) {
  const result = await action(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    const membership = typeof workspaceId === "string" ? await findCurrentMembership(user.id, workspaceId) : null;
    if (!membership || membership.workspace.id !== workspaceId)
      throw new AppError("NOT_FOUND", "Workspace was not found");
  });
  if (!result.ok) return result;
  await rememberWorkspace(workspaceId);
  redirect(safeReturnPath(next));
}
