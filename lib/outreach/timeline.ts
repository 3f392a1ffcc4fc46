import type { TimelineEntry } from "@/lib/customers/types";
import type { CustomerOutreach } from "./types";

/** A customer's timeline with its outreach in it: each email sent and each survey answer, newest first. */
export function withOutreach(timeline: TimelineEntry[], outreach: CustomerOutreach): TimelineEntry[] {
  const extra = outreach.flatMap((o): TimelineEntry[] => {
    const base = { appId: o.appId, appName: o.appName, userId: null, userName: null, source: "OUTREACH" };
    return [
      ...(o.sentAt
        ? [{ ...base, at: o.sentAt, kind: o.kind === "REQUEST" ? ("REQUEST_SENT" as const) : ("SURVEY_SENT" as const) }]
        : []),
      ...(o.answer
        ? [
            {
              ...base,
              at: o.answer.answeredAt,
              kind: "SURVEY_ANSWER" as const,
              detail: { reason: o.answer.reason, text: o.answer.text },
            },
          ]
        : []),
    ];
  });
  return extra.length ? [...timeline, ...extra].sort((a, b) => b.at.localeCompare(a.at)) : timeline;
}
