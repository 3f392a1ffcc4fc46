"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { saveRequestSettings, saveSurveySettings } from "@/lib/outreach/settings";
import { action } from "./action";

export async function saveRequestSettingsAction(appId: string, input: unknown) {
  return action(async () => {
    await saveRequestSettings(await requireMember("outreach.edit"), appId, input);
    revalidatePath(`/apps/${appId}/outreach`);
  });
}

export async function saveSurveySettingsAction(appId: string, input: unknown) {
  return action(async () => {
    await saveSurveySettings(await requireMember("outreach.edit"), appId, input);
    revalidatePath(`/apps/${appId}/outreach`);
  });
}
