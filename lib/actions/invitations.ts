"use server";

import { redirect } from "next/navigation";
import { currentUser, rememberWorkspace } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { action } from "./action";
import { acceptInvitation, requestAccess } from "@/lib/team/invitations";

export async function acceptInvitationAction(token: string) {
  const result = await action(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to join");
    return acceptInvitation(user, token);
  });
  if (!result.ok) return result;
  await rememberWorkspace(result.data.workspaceId);
  redirect("/apps");
}

export async function requestAccessAction() {
  return action(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    await requestAccess(user);
  });
}
