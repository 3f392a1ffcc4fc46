"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { action } from "./action";
import { addFeedback, resolveFeedback } from "@/lib/submission/feedback";
import { actOnPendingChanges, changeStatus } from "@/lib/submission/service";
import { resolveComment } from "@/lib/share/service";

const refresh = (appId: string) => revalidatePath(`/apps/${appId}`, "layout");

export async function changeStatusAction(appId: string, input: unknown) {
  return action(async () => {
    await changeStatus(await requireMember("submission.change-status"), appId, input);
    refresh(appId);
    revalidatePath("/apps");
  });
}

export async function pendingChangesAction(appId: string, input: unknown) {
  return action(async () => {
    await actOnPendingChanges(await requireMember("submission.send-changes"), appId, input);
    refresh(appId);
  });
}

export async function addFeedbackAction(appId: string, input: unknown) {
  return action(async () => {
    const feedback = await addFeedback(await requireMember("submission.add-feedback"), appId, input);
    refresh(appId);
    return feedback;
  });
}

export async function resolveFeedbackAction(appId: string, feedbackId: string) {
  return action(async () => {
    await resolveFeedback(await requireMember("submission.resolve-feedback"), appId, feedbackId);
    refresh(appId);
  });
}

export async function resolveCommentAction(appId: string, commentId: string) {
  return action(async () => {
    await resolveComment(await requireMember("share.resolve-comment"), appId, commentId);
    refresh(appId);
  });
}
