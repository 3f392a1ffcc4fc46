"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { addCompetitor, removeCompetitor } from "@/lib/competitors/service";
import { action } from "./action";

/** Follows a Marketplace app beside one of the workspace's apps, from its page's address. */
export async function addCompetitorAction(appId: string, input: unknown) {
  return action(async () => {
    const added = await addCompetitor(await requireMember("competitor.add"), appId, input);
    revalidatePath(`/apps/${appId}/competitors`);
    return added;
  });
}

export async function removeCompetitorAction(appId: string, competitorId: string) {
  return action(async () => {
    await removeCompetitor(await requireMember("competitor.remove"), competitorId);
    revalidatePath(`/apps/${appId}/competitors`);
  });
}
