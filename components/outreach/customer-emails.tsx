import type { CustomerOutreach } from "@/lib/outreach/types";
import { UTC_DAY as DAY } from "@/lib/text/dates";

const STATUS: Record<string, string> = {
  PENDING: "Waiting",
  SENDING: "Sending",
  SENT: "Sent",
  SKIPPED: "Not sent",
  FAILED: "Failed",
};

/** Every review request and survey planned or sent to a customer, with why one was not sent. */
export function CustomerEmails({ emails }: { emails: CustomerOutreach }) {
  return (
    <section aria-labelledby="emails-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="emails-heading" className="text-base font-semibold text-slate-900">
        Review requests and surveys
      </h2>
      {emails.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">None: no request or survey was due for this customer.</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="customer-emails">
          {emails.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="font-medium text-slate-900">
                {e.kind === "REQUEST" ? "Review request" : "Uninstall survey"} · {e.appName}
              </p>
              <p className="text-xs text-slate-600">
                {STATUS[e.status] ?? e.status}
                {e.sentAt
                  ? ` ${DAY.format(new Date(e.sentAt))}`
                  : e.status === "PENDING"
                    ? ` for ${DAY.format(new Date(e.dueAt))}`
                    : ""}
                {e.openedAt ? " · link opened" : ""}
                {e.reviewId ? " · probably reviewed" : ""}
                {e.answer ? " · answered" : ""}
              </p>
              {e.reason ? <p className="text-xs text-slate-500">{e.reason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
