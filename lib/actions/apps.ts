"use server";

import { revalidatePath } from "next/cache";
import { createApp, deleteApp, setArchived, setClientId, setClientSecret } from "@/lib/apps/service";
import type { AppSummary } from "@/lib/apps/types";
import { requireMember } from "@/lib/authz";
import { action } from "./action";

export async function createAppAction(input: unknown) {
  return action(async (): Promise<Pick<AppSummary, "id" | "type">> => {
    const app = await createApp(await requireMember("app.create"), input);
    revalidatePath("/apps");
    return { id: app.id, type: app.type };
  });
}

export async function setClientSecretAction(appId: string, input: unknown) {
  return action(async () => {
    await setClientSecret(await requireMember("app.client-secret"), appId, input);
    // The app's layout shows a notice while Pipedrive refuses the stored secret.
    revalidatePath(`/apps/${appId}`, "layout");
  });
}

export async function setClientIdAction(appId: string, input: unknown) {
  return action(async () => {
    await setClientId(await requireMember("app.client-secret"), appId, input);
    revalidatePath(`/apps/${appId}`, "layout");
  });
}

export async function setArchivedAction(appId: string, archived: boolean) {
  return action(async () => {
    await setArchived(await requireMember("app.archive"), appId, archived === true);
    revalidatePath("/apps");
  });
}

export async function deleteAppAction(appId: string, confirmName: string) {
  return action(async () => {
    const member = await requireMember("app.delete");
    await deleteApp(member, appId, confirmName);
    revalidatePath("/apps");
  });
}
