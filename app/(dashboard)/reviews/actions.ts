"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "@/lib/http";
import { addManualReview, deleteTemplate, markReplied, saveTemplate, updateReview } from "@/lib/reviews/inbox";
import { executeRun, startRun } from "@/lib/reviews/sync";
import { createWebhook, deleteWebhook, resendDelivery, sendTestAlert, setWebhookEnabled } from "@/lib/reviews/webhooks";
import { auditBy } from "@/lib/audit/log";
import { log } from "@/lib/log";

export async function updateReviewAction(reviewId: string, input: unknown) {
  return action(async () => {
    await updateReview(await requireMember("EDITOR"), reviewId, input);
    revalidatePath("/reviews");
  });
}

export async function markRepliedAction(reviewId: string, input: unknown) {
  return action(async () => {
    await markReplied(await requireMember("EDITOR"), reviewId, input);
    revalidatePath("/reviews");
  });
}

export async function addReviewAction(input: unknown) {
  return action(async () => {
    const created = await addManualReview(await requireMember("EDITOR"), input);
    revalidatePath("/reviews");
    return created;
  });
}

export async function saveTemplateAction(templateId: string | null, input: unknown) {
  return action(async () => {
    const saved = await saveTemplate(await requireMember("EDITOR"), templateId, input);
    revalidatePath("/reviews/templates");
    return saved;
  });
}

export async function deleteTemplateAction(templateId: string) {
  return action(async () => {
    await deleteTemplate(await requireMember("EDITOR"), templateId);
    revalidatePath("/reviews/templates");
  });
}

/** Starts a sync of the workspace in the background (or answers the run in progress). */
export async function startSyncAction() {
  return action(async () => {
    const member = await requireMember("EDITOR");
    const { run, started } = await startRun(member.workspace.id, "MANUAL", member.user.id);
    if (started) {
      await auditBy(member, "sync.start", { type: "sync run", id: run.id });
      void executeRun(run.id).catch(async (error: unknown) => {
        log().error({ err: error }, "Sync run failed");
        const { db } = await import("@/lib/db");
        await db.syncRun.updateMany({ where: { id: run.id, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date(), error: "An unexpected error stopped the run" } });
      });
    }
    return { runId: run.id, started };
  });
}

export async function createWebhookAction(input: unknown) {
  return action(async () => {
    const created = await createWebhook(await requireMember("OWNER"), input);
    revalidatePath("/reviews/alerts");
    return created;
  });
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean) {
  return action(async () => {
    await setWebhookEnabled(await requireMember("OWNER"), webhookId, enabled);
    revalidatePath("/reviews/alerts");
  });
}

export async function deleteWebhookAction(webhookId: string) {
  return action(async () => {
    await deleteWebhook(await requireMember("OWNER"), webhookId);
    revalidatePath("/reviews/alerts");
  });
}

export async function sendTestAlertAction(webhookId: string) {
  return action(async () => {
    await sendTestAlert(await requireMember("OWNER"), webhookId);
    revalidatePath("/reviews/alerts");
  });
}

export async function resendDeliveryAction(deliveryId: string) {
  return action(async () => {
    await resendDelivery(await requireMember("OWNER"), deliveryId);
    revalidatePath("/reviews/alerts");
  });
}
