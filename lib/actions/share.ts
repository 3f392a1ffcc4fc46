"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { createShareLink, revokeShareLink } from "@/lib/share/service";
import { sharePath } from "@/lib/http/paths";

export async function createShareLinkAction(appId: string, input: unknown) {
  return action(async () => {
    const { token, link } = await createShareLink(await requireMember("share.create"), appId, input);
    revalidatePath(`/apps/${appId}/preview`);
    return { path: sharePath(token), link };
  });
}

export async function revokeShareLinkAction(appId: string, linkId: string) {
  return action(async () => {
    await revokeShareLink(await requireMember("share.revoke"), appId, linkId);
    revalidatePath(`/apps/${appId}/preview`);
  });
}
