"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/types";
import type { SubmissionState } from "@/lib/submission/types";
import { FeedbackPanel } from "./feedback-panel";
import { PendingChanges } from "./pending-changes";
import { StatusPanel } from "./status-panel";
import { SubmissionTimeline } from "./timeline";

export function SubmissionWorkflow({
  appId,
  state,
  canEdit,
}: {
  appId: string;
  state: SubmissionState;
  canEdit: boolean;
}) {
  const router = useRouter();
  const done =
    (message: string) =>
    <R extends ActionResult<unknown>>(result: R): R => {
      if (result.ok) {
        toast.success(message);
        router.refresh();
      }
      return result;
    };
  const blocked = state.readinessErrors > 0;
  const section = { appId, state, canEdit, done };

  return (
    <div className="space-y-6">
      <StatusPanel {...section} blocked={blocked} />
      {state.pending.fields.length > 0 || state.pending.status ? (
        <PendingChanges {...section} blocked={blocked} />
      ) : null}
      {state.type === "PUBLIC" ? <FeedbackPanel {...section} /> : null}
      <SubmissionTimeline appId={appId} timeline={state.timeline} />
    </div>
  );
}
