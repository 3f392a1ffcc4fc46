import type { Metadata } from "next";
import { ReviewWorkflow } from "@/components/review/review-workflow";
import { loadApp } from "@/lib/apps/load";
import { reviewState } from "@/lib/review/service";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const state = await reviewState(member, app.id);
  return <ReviewWorkflow appId={app.id} state={state} canEdit={hasRole(member.role, "EDITOR")} />;
}
