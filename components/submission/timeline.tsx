import Link from "next/link";
import type { TimelineEvent } from "@/lib/submission/types";
import { day, label, stamp } from "./format";

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

export function SubmissionTimeline({ appId, timeline }: { appId: string; timeline: TimelineEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="timeline-heading" className="font-semibold text-slate-900">
        Timeline
      </h2>
      {timeline.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No status changes yet.</p>
      ) : (
        <ol
          className="mt-3 space-y-4 border-l border-slate-200 pl-4"
          aria-label="Status history"
          data-testid="timeline"
        >
          {timeline.map((e) => (
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
  );
}
