"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { sendTestEmail } from "@/lib/notifications/email";
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

/** Sends a test email to the signed-in person: SMTP's answer, or why it could not be sent. */
export async function sendTestEmailAction() {
  return action(async () => sendTestEmail(await requireMember()));
}
