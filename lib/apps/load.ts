import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireMembership, type Member } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { PATH_HEADER, safeReturnPath } from "@/lib/http/paths";
import { appWorkspaceOf, getApp } from "./service";

/**
 * For pages: the member and the app of their workspace. An app of another of the user's
 * workspaces leads to the offer to switch; anyone else gets the 404 page.
 */
export const loadApp = cache(async (appId: string) => {
  const member = await requireMembership();
  try {
    return { member, app: await getApp(member, appId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") await offerSwitchOrNotFound(member, appId);
    throw error;
  }
});

/** Redirects to the switch offer when the app lives in another of the user's workspaces; otherwise 404. */
export async function offerSwitchOrNotFound(member: Member, appId: unknown): Promise<never> {
  const home = await appWorkspaceOf(member.user.id, appId);
  if (home && home.id !== member.workspace.id) {
    const back = safeReturnPath((await headers()).get(PATH_HEADER) ?? "/apps");
    redirect(`/switch?workspace=${encodeURIComponent(home.id)}&next=${encodeURIComponent(back)}`);
  }
  notFound();
}
