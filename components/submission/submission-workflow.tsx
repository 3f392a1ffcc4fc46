"use client";

import { plural } from "@/lib/words";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CircleAlert, Clock, GitPullRequestArrow } from "lucide-react";
import { toast } from "@/components/ui/toast";
import {
  addFeedbackAction,
  changeStatusAction,
  pendingChangesAction,
  resolveFeedbackAction,
} from "@/lib/actions/submission";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { FIELD_ORDER, FIELDS } from "@/lib/listing/fields";
import type { ActionResult } from "@/lib/actions/action";
import type { ListingField } from "@/lib/listing/schema";
import type { SubmissionState, TimelineEvent } from "@/lib/submission/service";
import type { ChangesAction } from "@/lib/submission/workflow";
import { NoteDialog } from "./note-dialog";

const label = (status: string | null) => (status ? (APP_STATUS_LABELS[status] ?? status) : "—");
// Rendered on the server and in the browser alike: one time zone, stated.
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const STAMP = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const day = (iso: string) => DAY.format(new Date(iso));
const stamp = (iso: string) => `${STAMP.format(new Date(iso))} UTC`;

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

function eventText(e: TimelineEvent) {
  if (e.kind === "CHANGES") {
    const what =
      {
        IN_REVIEW: "recorded the submission of pending changes",
        APPROVED: "recorded the approval of pending changes",
        REJECTED: "recorded the rejection of pending changes",
      }[e.toStatus] ?? e.toStatus;
    return what;
  }
  return `recorded the move from ${label(e.fromStatus)} to ${label(e.toStatus)}`;
}

function FeedbackForm({ appId }: { appId: string }) {
  const router = useRouter();
  const [field, setField] = useState<ListingField>("description");
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      className="grid grid-cols-1 gap-3 md:grid-cols-[14rem_minmax(0,1fr)_auto] md:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await addFeedbackAction(appId, { field, message });
        setBusy(false);
        if (!result.ok) return setErrors(result.error.fields ?? { message: result.error.message });
        setErrors({});
        setMessage("");
        toast.success("Feedback attached to the field");
        router.refresh();
      }}
    >
      <Field id="feedback-field" label="Field" error={errors.field}>
        <select
          id="feedback-field"
          className={inputClass}
          value={field}
          onChange={(e) => setField(e.target.value as ListingField)}
        >
          {FIELD_ORDER.map((f) => (
            <option key={f} value={f}>
              {FIELDS[f].label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="feedback-message" label="Reviewer's feedback" error={errors.message}>
        <textarea
          id="feedback-message"
          rows={2}
          maxLength={2000}
          className={inputClass}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder="Paste it from Pipedrive's email"
          aria-invalid={errors.message ? true : undefined}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        Attach feedback
      </Button>
    </form>
  );
}

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

  return (
    <div className="space-y-6">
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

      {state.pending.fields.length > 0 || state.pending.status ? (
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
            {state.pending.approvedVersion ? ` (version ${state.pending.approvedVersion})` : ""}; everything else goes
            live on save.
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
      ) : null}

      {state.type === "PUBLIC" ? (
        <section aria-labelledby="feedback-heading" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="feedback-heading" className="font-semibold text-slate-900">
            Reviewer feedback
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Attach each point of Pipedrive&apos;s review email to its field: it shows in the editor beside that field
            until you resolve it.
          </p>
          {canEdit ? (
            <div className="mt-4">
              <FeedbackForm appId={appId} />
            </div>
          ) : null}
          {state.feedback.length === 0 ? (
            <p className="mt-4 text-sm text-slate-500">No open feedback.</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-100" aria-label="Open feedback">
              {state.feedback.map((f) => (
                <li key={f.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link
                      href={`/apps/${appId}/listing?field=${f.field}`}
                      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {f.fieldLabel}
                    </Link>
                    <p className="mt-0.5 text-sm whitespace-pre-line text-slate-800">{f.message}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {f.createdBy ?? "Someone"} · {stamp(f.createdAt)}
                    </p>
                  </div>
                  {canEdit ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Resolve feedback on ${f.fieldLabel}`}
                      onClick={async () => done("Feedback resolved")(await resolveFeedbackAction(appId, f.id))}
                    >
                      Resolve
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="timeline-heading" className="font-semibold text-slate-900">
          Timeline
        </h2>
        {state.timeline.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">No status changes yet.</p>
        ) : (
          <ol
            className="mt-3 space-y-4 border-l border-slate-200 pl-4"
            aria-label="Status history"
            data-testid="timeline"
          >
            {state.timeline.map((e) => (
              <li key={e.id} className="relative">
                <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-brand-600" />
                <p className="text-sm text-slate-800">
                  <span className="font-medium">{e.actor ?? "Someone"}</span> {eventText(e)}
                  {e.versionNumber ? (
                    <>
                      {" "}
                      ·{" "}
                      <Link className="text-brand-700 underline" href={`/apps/${appId}/versions`}>
                        version {e.versionNumber}
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500">
                  <time dateTime={e.occurredAt.slice(0, 10)} className="font-medium text-slate-700">
                    {day(e.occurredAt)}
                  </time>{" "}
                  · recorded <time dateTime={e.createdAt}>{stamp(e.createdAt)}</time>
                </p>
                {e.note ? (
                  <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-700">
                    {e.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
