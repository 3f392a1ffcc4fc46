import type { Metadata } from "next";
import { SubmissionWorkflow } from "@/components/submission/submission-workflow";
import { loadApp } from "@/lib/apps/load";
import { submissionState } from "@/lib/submission/service";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const state = await submissionState(member, app.id);
  return <SubmissionWorkflow appId={app.id} state={state} canEdit={hasRole(member.role, "EDITOR")} />;
}
