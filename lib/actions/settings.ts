"use server";

import { revalidatePath } from "next/cache";
import { setWorkspaceTimeZone } from "@/lib/analytics/timezone";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/service";
import { requireMember } from "@/lib/authz";
import { action } from "./action";

export async function createApiTokenAction(input: unknown) {
  return action(async () => {
    const created = await createApiToken(await requireMember("api-token.create"), input);
    revalidatePath("/settings");
    return created;
  });
}

export async function revokeApiTokenAction(tokenId: string) {
  return action(async () => {
    await revokeApiToken(await requireMember("api-token.revoke"), tokenId);
    revalidatePath("/settings");
  });
}

export async function setTimeZoneAction(input: unknown) {
  return action(async () => {
    const result = await setWorkspaceTimeZone(await requireMember("workspace.time-zone"), input);
    revalidatePath("/settings");
    revalidatePath("/analytics");
    return result;
  });
}
