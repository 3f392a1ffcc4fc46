"use client";

import { useState } from "react";
import Link from "next/link";
import { useFormContext, useWatch } from "react-hook-form";
import { Lock } from "lucide-react";
import { diffListings } from "@/lib/listing/diff";
import type { ListingDraft } from "@/lib/listing/schema";
import type { FrozenSubmission } from "@/lib/submission/types";
import { plural } from "@/lib/text/words";
import { DiffView } from "./diff-view";
import { pluralForm } from "@/lib/text/words";
import { UTC_DAY as DAY } from "@/lib/text/dates";

/**
 * While Pipedrive reviews a submission, what was submitted stays frozen in Versions: this banner
 * says so, lists what has been edited since (and which of it is critical, so reviewed again), and
 * shows the changes against the submitted version as they are typed.
 */
export function InReviewBanner({ appId, submission }: { appId: string; submission: FrozenSubmission }) {
  const { control } = useFormContext();
  const values = useWatch({ control }) as ListingDraft;
  const [open, setOpen] = useState(false);
  const changes = diffListings(submission.data, { ...submission.data, ...values });
  const critical = changes.filter((c) => c.critical);
  return (
    <section
      aria-labelledby="in-review-title"
      data-testid="in-review-banner"
      className="mb-4 rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950"
    >
      <div className="flex items-start gap-2">
        <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0">
          <h2 id="in-review-title" className="font-semibold">
            {submission.kind === "listing" ? "In review at Pipedrive" : "Pending changes in review at Pipedrive"} since{" "}
            {DAY.format(new Date(submission.submittedOn))} · business day {submission.elapsed} of {submission.window}
          </h2>
          <p className="mt-0.5">
            What was submitted is frozen as{" "}
            <Link href={`/apps/${appId}/versions`} className="font-medium underline underline-offset-2">
              version {submission.versionNumber}
            </Link>
            . Edits here are saved for the next submission; nothing changes at Pipedrive until you submit again in
            Developer Hub.
          </p>
          {changes.length === 0 ? (
            <p className="mt-2" role="status">
              No edit since the submission.
            </p>
          ) : (
            <div className="mt-2" role="status">
              <p>
                Edited since the submission: {plural(changes.length, "field", "fields")}
                {critical.length
                  ? `, ${critical.length} of them critical (Pipedrive reviews ${pluralForm(critical.length, "it", "them")} again)`
                  : ""}
                .
              </p>
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Fields edited since the submission">
                {changes.map((c) => (
                  <li
                    key={c.field}
                    className={`rounded-md px-2 py-0.5 text-xs ring-1 ${c.critical ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-white text-sky-900 ring-sky-200"}`}
                  >
                    {c.label}
                    {c.critical ? " · critical" : ""}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
      {changes.length ? (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="mt-3">
          <summary className="cursor-pointer font-medium">Changes against the submitted version</summary>
          {open ? (
            <div className="mt-3">
              <DiffView changes={changes} />
            </div>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
