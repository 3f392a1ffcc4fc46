"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser, WORKSPACE_COOKIE } from "@/lib/authz";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { action } from "@/lib/http";
import { acceptInvitation, requestAccess } from "@/lib/team/invitations";

export async function acceptInvitationAction(token: string) {
  const result = await action(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to join");
    return acceptInvitation(user, token);
  });
  if (!result.ok) return result;
  (await cookies()).set(WORKSPACE_COOKIE, result.data.workspaceId, { httpOnly: true, sameSite: "lax", path: "/", secure: env().secureCookies, maxAge: 60 * 60 * 24 * 365 });
  redirect("/apps");
}

export async function requestAccessAction() {
  return action(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    await requestAccess(user);
  });
}
