"use client";

import { plural } from "@/lib/text/words";
import Link from "next/link";
import { CircleAlert, Clock } from "lucide-react";
import { changeStatusAction } from "@/lib/actions/submission";
import { Button } from "@/components/ui/button";
import { day, label } from "./format";
import { NoteDialog } from "./note-dialog";
import type { SectionProps } from "./types";

/** The app's status, the steps that can be recorded next and the count of Pipedrive's review days. */
export function StatusPanel({ appId, state, canEdit, done, blocked }: SectionProps & { blocked: boolean }) {
  return (
    <section aria-labelledby="status-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="status-heading" className="text-sm font-medium text-slate-500">
            Status
          </h2>
          <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="app-status">
            {label(state.status)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {state.type === "PUBLIC"
              ? "Public app: Draft → In review → Approved → Published"
              : "Private app: Draft → Live, without Marketplace review"}
          </p>
        </div>
        {canEdit && state.transitions.length > 0 ? (
          <div className="flex flex-wrap gap-2">
            {state.transitions.map((t) => (
              <NoteDialog
                key={t.id}
                trigger={
                  <Button
                    variant={t.tone === "primary" ? "primary" : "secondary"}
                    disabled={t.submits && blocked}
                    className={t.tone === "danger" ? "text-red-700" : undefined}
                  >
                    {t.label}
                  </Button>
                }
                title={`${t.label}`}
                description={
                  t.submits
                    ? "Record that the listing was submitted in Pipedrive's Developer Hub: Listing Studio saves a version with what was submitted, and counts Pipedrive's 21 business days from that day. It sends nothing to Pipedrive."
                    : `Record ${t.what}: the app moves to “${label(t.to)}”. Listing Studio sends nothing to Pipedrive.`
                }
                confirmLabel={t.label}
                dateLabel={`Day of ${t.what}`}
                dates={state.dates}
                noteRequired={t.needsNote}
                onConfirm={async ({ note, date }) =>
                  done(`Recorded: ${label(t.to)}`)(await changeStatusAction(appId, { transition: t.id, note, date }))
                }
              />
            ))}
          </div>
        ) : null}
      </div>
      {blocked && state.transitions.some((t) => t.submits) ? (
        <p className="mt-4 flex items-center gap-2 text-sm text-red-700" role="status">
          <CircleAlert aria-hidden className="size-4" />
          {plural(state.readinessErrors, "readiness error blocks", "readiness errors block")} submission.{" "}
          <Link href={`/apps/${appId}/listing`} className="font-medium underline">
            Fix them in the editor
          </Link>
        </p>
      ) : null}
      {state.review ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-4" data-testid="review-counter">
          <p className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <Clock aria-hidden className="size-4" />
            Business day {state.review.elapsed} of {state.review.window} · submitted on {day(state.review.startedAt)}
          </p>
          <div
            className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
            role="progressbar"
            aria-label="Review window used"
            aria-valuemin={0}
            aria-valuemax={state.review.window}
            aria-valuenow={Math.min(state.review.elapsed, state.review.window)}
          >
            <div
              className={state.review.elapsed > state.review.window ? "h-full bg-red-500" : "h-full bg-brand-600"}
              style={{ width: `${Math.min(100, (state.review.elapsed / state.review.window) * 100)}%` }}
            />
          </div>
          <p className="mt-2 text-xs text-slate-600">
            {state.review.elapsed > state.review.window
              ? `Pipedrive's ${state.review.window}-business-day window closed on ${day(state.review.deadline)}: consider contacting marketplace support.`
              : `Pipedrive's window closes on ${day(state.review.deadline)}.`}
          </p>
        </div>
      ) : null}
    </section>
  );
}
