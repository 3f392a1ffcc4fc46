"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { markRead, savePreferences } from "@/lib/notifications/service";

export async function markReadAction(notificationId: string | "all") {
  return action(async () => {
    await markRead(await requireMember(), notificationId);
    revalidatePath("/notifications");
  });
}

export async function savePreferencesAction(input: unknown) {
  return action(async () => {
    await savePreferences(await requireMember(), input);
    revalidatePath("/notifications/settings");
  });
}
