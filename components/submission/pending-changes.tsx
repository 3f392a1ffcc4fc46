"use client";

import Link from "next/link";
import { GitPullRequestArrow } from "lucide-react";
import { pendingChangesAction } from "@/lib/actions/submission";
import { Button } from "@/components/ui/button";
import type { ChangesAction } from "@/lib/submission/workflow";
import { label } from "./format";
import { NoteDialog } from "./note-dialog";
import type { SectionProps } from "./types";

const CHANGES: Record<
  ChangesAction,
  { label: string; title: string; description: string; dateLabel: string; noteRequired?: boolean }
> = {
  "submit-changes": {
    label: "Record submission of changes",
    title: "You submitted the changes in Developer Hub?",
    description:
      "Listing Studio saves a version with what was submitted and counts Pipedrive's 21 business days from that day. The changes go live when Pipedrive approves them.",
    dateLabel: "Day of the submission in Developer Hub",
  },
  "approve-changes": {
    label: "Record approval",
    title: "Pipedrive approved the changes?",
    description: "The submitted listing becomes the approved one.",
    dateLabel: "Day of Pipedrive's approval",
  },
  "reject-changes": {
    label: "Record rejection",
    title: "Pipedrive rejected the changes?",
    description: "Paste the reasons from Pipedrive's email; fix them and record the next submission.",
    dateLabel: "Day of Pipedrive's rejection",
    noteRequired: true,
  },
};

/** Critical fields changed since the approved listing, and the steps of their own review. */
export function PendingChanges({ appId, state, canEdit, done, blocked }: SectionProps & { blocked: boolean }) {
  return (
    <section aria-labelledby="pending-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-5">
      <h2 id="pending-heading" className="flex items-center gap-2 font-semibold text-amber-950">
        <GitPullRequestArrow aria-hidden className="size-5" /> Pending changes
        {state.pending.status ? (
          <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">
            {label(state.pending.status)}
          </span>
        ) : null}
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        After approval, critical fields change only through another review. These differ from the approved listing
        {state.pending.approvedVersion ? ` (version ${state.pending.approvedVersion})` : ""}; everything else goes live
        on save.
      </p>
      {state.pending.fields.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Changed critical fields">
          {state.pending.fields.map((f) => (
            <li key={f.field}>
              <Link
                href={`/apps/${appId}/listing?field=${f.field}`}
                className="inline-flex rounded-md bg-white px-2 py-1 text-sm text-amber-950 ring-1 ring-amber-300 hover:bg-amber-100"
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && state.pending.actions.length > 0 ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {state.pending.actions.map((a) => (
            <NoteDialog
              key={a}
              trigger={
                <Button
                  variant={a === "reject-changes" ? "secondary" : "primary"}
                  disabled={a === "submit-changes" && blocked}
                >
                  {CHANGES[a].label}
                </Button>
              }
              title={CHANGES[a].title}
              description={CHANGES[a].description}
              confirmLabel={CHANGES[a].label}
              dateLabel={CHANGES[a].dateLabel}
              dates={state.dates}
              noteRequired={CHANGES[a].noteRequired}
              onConfirm={async ({ note, date }) =>
                done("Pending changes updated")(await pendingChangesAction(appId, { action: a, note, date }))
              }
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
