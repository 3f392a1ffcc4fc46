"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { restoreVersion, saveVersion } from "@/lib/listing/versions";

export async function saveVersionAction(appId: string, input: unknown) {
  return action(async () => {
    const version = await saveVersion(await requireMember("version.save"), appId, input);
    revalidatePath(`/apps/${appId}/versions`);
    return version;
  });
}

export async function restoreVersionAction(appId: string, versionId: string) {
  return action(async () => {
    const draft = await restoreVersion(await requireMember("version.restore"), appId, versionId);
    revalidatePath(`/apps/${appId}`, "layout");
    return { revision: draft.revision, backupVersion: draft.backupVersion };
  });
}
