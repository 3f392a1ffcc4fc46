"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { addManualReview, deleteTemplate, markReplied, saveTemplate, updateReview } from "@/lib/reviews/inbox";
import { startManualSync } from "@/lib/sync/sync";
import { createRule, deleteRule, setRuleEnabled, updateRule } from "@/lib/alerts/rules";
import { createWebhook, deleteWebhook, resendDelivery, sendTestAlert, setWebhookEnabled } from "@/lib/alerts/webhooks";

export async function updateReviewAction(reviewId: string, input: unknown) {
  return action(async () => {
    await updateReview(await requireMember("review.triage"), reviewId, input);
    revalidatePath("/reviews");
  });
}

export async function markRepliedAction(reviewId: string, input: unknown) {
  return action(async () => {
    await markReplied(await requireMember("review.reply"), reviewId, input);
    revalidatePath("/reviews");
  });
}

export async function addReviewAction(input: unknown) {
  return action(async () => {
    const created = await addManualReview(await requireMember("review.add"), input);
    revalidatePath("/reviews");
    return created;
  });
}

export async function saveTemplateAction(templateId: string | null, input: unknown) {
  return action(async () => {
    const saved = await saveTemplate(await requireMember("template.edit"), templateId, input);
    revalidatePath("/reviews/templates");
    return saved;
  });
}

export async function deleteTemplateAction(templateId: string) {
  return action(async () => {
    await deleteTemplate(await requireMember("template.delete"), templateId);
    revalidatePath("/reviews/templates");
  });
}

/** Starts a sync of the workspace in the background (or answers the run in progress). */
export async function startSyncAction() {
  return action(async () => startManualSync(await requireMember("sync.start")));
}

export async function createWebhookAction(input: unknown) {
  return action(async () => {
    const created = await createWebhook(await requireMember("webhook.manage"), input);
    revalidatePath("/reviews/alerts");
    return created;
  });
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean) {
  return action(async () => {
    await setWebhookEnabled(await requireMember("webhook.manage"), webhookId, enabled);
    revalidatePath("/reviews/alerts");
  });
}

export async function deleteWebhookAction(webhookId: string) {
  return action(async () => {
    await deleteWebhook(await requireMember("webhook.manage"), webhookId);
    revalidatePath("/reviews/alerts");
  });
}

export async function sendTestAlertAction(webhookId: string) {
  return action(async () => {
    await sendTestAlert(await requireMember("webhook.manage"), webhookId);
    revalidatePath("/reviews/alerts");
  });
}

export async function resendDeliveryAction(deliveryId: string) {
  return action(async () => {
    await resendDelivery(await requireMember("webhook.manage"), deliveryId);
    revalidatePath("/reviews/alerts");
  });
}

export async function saveAlertRuleAction(ruleId: string | null, input: unknown) {
  return action(async () => {
    const member = await requireMember("alert-rule.change");
    const id =
      ruleId === null ? (await createRule(member, input)).id : (await updateRule(member, ruleId, input), ruleId);
    revalidatePath("/reviews/alerts");
    return { id };
  });
}

export async function setAlertRuleEnabledAction(ruleId: string, enabled: boolean) {
  return action(async () => {
    await setRuleEnabled(await requireMember("alert-rule.change"), ruleId, enabled);
    revalidatePath("/reviews/alerts");
  });
}

export async function deleteAlertRuleAction(ruleId: string) {
  return action(async () => {
    await deleteRule(await requireMember("alert-rule.change"), ruleId);
    revalidatePath("/reviews/alerts");
  });
}
