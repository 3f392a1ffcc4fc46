import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import { ClipboardX } from "lucide-react";
import { SubmissionWorkflow } from "@/components/submission/submission-workflow";
import { NoClientIdNotice } from "@/components/apps/no-client-id";
import { loadApp } from "@/lib/apps/load";
import { submissionState } from "@/lib/submission/state";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "listing"))
    return <NotForType app={app} feature="listing" icon={ClipboardX} title="No review or status to follow" />;
  const state = await submissionState(member, app.id);
  return (
    <>
      {app.clientId ? null : (
        <NoClientIdNotice
          appId={app.id}
          need="Pipedrive reviews the app it belongs to: it is needed before the listing is submitted."
        />
      )}
      <SubmissionWorkflow appId={app.id} state={state} canEdit={can(member, "submission.change-status")} />
    </>
  );
}
