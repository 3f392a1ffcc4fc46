"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { CRM_STATE_COOKIE, disconnect, saveCrmSettings, startConnect } from "@/lib/crm/connection";
import type { CrmSettingsInput } from "@/lib/crm/schema";
import { retryCrmPush, startBackfill } from "@/lib/crm/view";
import { env } from "@/lib/server/env";
import { action } from "./action";

/** Starts the CRM consent: the state goes in a cookie for the callback, the owner goes to Pipedrive. */
export async function connectCrmAction() {
  const result = await action(async () => startConnect(await requireMember("crm.connect")));
  if (!result.ok) return result;
  (await cookies()).set(CRM_STATE_COOKIE, result.data.state, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().secureCookies,
    path: "/api/crm/callback",
    maxAge: 600,
  });
  redirect(result.data.url);
}

export async function disconnectCrmAction() {
  return action(async () => {
    const done = await disconnect(await requireMember("crm.connect"));
    revalidatePath("/settings");
    return done ?? null;
  });
}

export async function saveCrmSettingsAction(input: CrmSettingsInput) {
  return action(async () => {
    await saveCrmSettings(await requireMember("crm.settings"), input);
    revalidatePath("/settings");
  });
}

export async function startBackfillAction() {
  return action(async () => {
    const queued = await startBackfill(await requireMember("crm.push"));
    revalidatePath("/settings");
    return queued;
  });
}

export async function retryCrmPushAction(messageId: string) {
  return action(async () => {
    await retryCrmPush(await requireMember("crm.push"), messageId);
    revalidatePath("/settings");
  });
}
