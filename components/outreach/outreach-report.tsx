import Link from "next/link";
import type { OutreachReport } from "@/lib/outreach/types";

const n = (x: number) => x.toLocaleString("en-US");
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");
const monthLabel = (m: string) =>
  new Date(`${m}-01T12:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-2xl font-bold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** Counts by month, one column each, scrolling inside its frame on a narrow screen. */
function MonthTable({
  caption,
  minWidth,
  columns,
  rows,
}: {
  caption: string;
  minWidth: string;
  columns: string[];
  rows: { month: string; values: number[] }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full ${minWidth} text-sm`}>
        <caption className="py-1 text-left text-sm font-medium text-slate-800">{caption}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">
              Month
            </th>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="py-1 text-right font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month} className="border-t border-slate-100 tabular-nums">
              <th scope="row" className="py-1 text-left font-normal text-slate-700">
                {monthLabel(row.month)}
              </th>
              {row.values.map((v, i) => (
                <td key={i} className="py-1 text-right">
                  {n(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The request funnel — requested, opened the link, reviewed — and whether asked reviews rate differently. */
export function RequestFunnel({ report }: { report: OutreachReport }) {
  const f = report.funnel;
  const r = report.ratings;
  const stars = (a: number | null) => (a === null ? "—" : `${a.toFixed(2)}★`);
  return (
    <section aria-labelledby="funnel" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="funnel" className="text-base font-semibold text-slate-900">
        Requests, last 12 months
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Figure label="Requested" value={n(f.requested)} note={`${n(f.waiting)} waiting`} testId="funnel-requested" />
        <Figure
          label="Opened the link"
          value={n(f.opened)}
          note={`${pct(f.opened, f.requested)} of requested`}
          testId="funnel-opened"
        />
        <Figure
          label="Reviewed (probably)"
          value={n(f.reviewed)}
          note={`${pct(f.reviewed, f.requested)} of requested`}
          testId="funnel-reviewed"
        />
        <Figure
          label="Review link opens, 30 days"
          value={n(report.clicks.last30)}
          note={`${n(report.clicks.fromEmail30)} from request emails`}
          testId="link-clicks"
        />
      </dl>
      <p className="text-sm text-slate-700" data-testid="rating-compare">
        Reviews probably from a request: <strong>{n(r.requested.count)}</strong>, average{" "}
        <strong>{stars(r.requested.average)}</strong>. Other reviews in the same months:{" "}
        <strong>{n(r.others.count)}</strong>, average <strong>{stars(r.others.average)}</strong>.
      </p>
      <MonthTable
        caption="Requests by month"
        minWidth="min-w-[32rem]"
        columns={["Requested", "Opened", "Reviewed", "Link opens"]}
        rows={report.monthly.map((m) => ({ month: m.month, values: [m.requested, m.opened, m.reviewed, m.clicks] }))}
      />
    </section>
  );
}

/** The uninstall reasons: how many answered, which reasons over time, and the answers in their own words. */
export function ReasonsReport({ report, appId }: { report: OutreachReport; appId: string }) {
  const s = report.survey;
  const max = Math.max(1, ...s.reasons.map((r) => r.count));
  return (
    <section
      aria-labelledby="reasons-title"
      id="reasons"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reasons-title" className="text-base font-semibold text-slate-900">
          Uninstall reasons, last 12 months
        </h2>
        <a className="text-sm text-brand-700 underline" href={`/api/apps/${appId}/survey-answers`} download>
          Export CSV
        </a>
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <Figure label="Surveys sent" value={n(s.sent)} testId="survey-sent" />
        <Figure label="Answered" value={n(s.answered)} testId="survey-answered" />
        <Figure label="Response rate" value={pct(s.answered, s.sent)} testId="survey-rate" />
      </dl>
      {s.answered === 0 ? (
        <p className="text-sm text-slate-600">No answers yet. Answers appear here, and on each customer&apos;s page.</p>
      ) : (
        <>
          <ul className="space-y-1" aria-label="Answers by reason">
            {s.reasons.map((r) => (
              <li key={r.id ?? "text"} className="grid grid-cols-[minmax(0,12rem)_1fr_3rem] items-center gap-2 text-sm">
                <span className="truncate text-slate-700" title={r.label}>
                  {r.label}
                </span>
                <span className="h-2 rounded-full bg-slate-100" aria-hidden>
                  <span
                    className="block h-2 rounded-full bg-brand-600"
                    style={{ width: `${r.count ? Math.max(2, (r.count / max) * 100) : 0}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">{n(r.count)}</span>
              </li>
            ))}
          </ul>
          <MonthTable
            caption="Reasons by month"
            minWidth="min-w-[36rem]"
            columns={s.reasons.map((r) => r.label)}
            rows={s.monthly.map((m) => ({
              month: m.month,
              values: s.reasons.map((r) => m.counts[r.id ?? "__text"] ?? 0),
            }))}
          />
          <h3 className="text-sm font-medium text-slate-800">Latest answers (all of them in the CSV)</h3>
          <ul className="divide-y divide-slate-100" data-testid="survey-answers">
            {s.answers.map((a) => (
              <li key={a.id} className="py-2 text-sm">
                <p className="text-xs text-slate-500">
                  {new Date(a.answeredAt).toLocaleDateString("en-US", { dateStyle: "medium" })} ·{" "}
                  {a.customerId ? (
                    <Link className="underline" href={`/customers/${a.customerId}`}>
                      {a.companyName ?? `Company ${a.companyId}`}
                    </Link>
                  ) : (
                    (a.companyName ?? `Company ${a.companyId}`)
                  )}
                </p>
                <p className="font-medium text-slate-800">{a.reason ?? "In their own words"}</p>
                {a.text ? <p className="break-words whitespace-pre-wrap text-slate-700">{a.text}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
