import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { env } from "@/lib/server/env";
import { PATH_HEADER, signInPath } from "@/lib/http/paths";
import { AppError, notFound } from "@/lib/errors";
import { authorize, type Permission } from "@/lib/team/permissions";
import { findCurrentMembership, type CurrentMembership, type Member, type SessionUser } from "@/lib/team/workspace";

export type { Member, SessionUser };

/** The cookie that remembers which of the user's workspaces is open (only a choice: membership is checked). */
export const WORKSPACE_COOKIE = "ls-workspace";
const chosenWorkspace = async () => (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null;

/** Opens this workspace on the next pages (server actions only). */
export async function rememberWorkspace(workspaceId: string) {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().secureCookies,
    maxAge: 60 * 60 * 24 * 365,
  });
}

/** The signed-in user, checked against the database session, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, name: u.name ?? "", email: u.email || null, image: u.image ?? null };
});

/** The signed-in user; otherwise redirects to sign-in and back to the requested page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath((await headers()).get(PATH_HEADER) ?? "/apps"));
  return user;
}

/**
 * The signed-in user's workspace and role; a user without one goes to the access page.
 * Every dashboard page calls it itself (the layout's call does not protect a page); it is
 * memoised per request.
 */
export const requireMembership = cache(async (): Promise<{ user: SessionUser } & CurrentMembership> => {
  const user = await requireUser();
  const membership = await findCurrentMembership(user.id, await chosenWorkspace());
  if (!membership) redirect("/access");
  return { user, ...membership };
});

/**
 * For route handlers and server actions: the signed-in member allowed `permission`, or an
 * AppError (401 signed out, 404 without a workspace, 403 with the permission's message).
 */
export async function requireMember(permission: Permission = "workspace.read"): Promise<Member> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  const membership = await findCurrentMembership(user.id, await chosenWorkspace());
  if (!membership) throw notFound("Workspace");
  authorize(membership, permission);
  return { user, ...membership };
}
