import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { auditQuerySchema, listAudit, type AuditQuery } from "@/lib/audit/query";
import { requireMembership } from "@/lib/authz";
import { DateRangeFields } from "@/components/forms/date-range-fields";
import { plural } from "@/lib/words";

export const metadata: Metadata = { title: "Audit log" };

const WHEN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = auditQuerySchema.parse(raw);
  const log = await listAudit(member, query);
  const search = (change: Partial<AuditQuery>) => new URLSearchParams(Object.entries({ ...query, ...change }).filter(([k, v]) => v !== "" && !(k === "page" && v === 1)).map(([k, v]) => [k, String(v)])).toString();
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change in ${member.workspace.name}: who, when, what. Entries cannot be edited or deleted.`}
        actions={
          <a href={`/api/audit?${search({ page: 1 })}`} className={buttonVariants({ variant: "secondary" })} download>
            <Download aria-hidden /> Export CSV
          </a>
        }
      />
      <div className="space-y-4">
        <form key={JSON.stringify(query)} method="get" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
          <label className="text-sm font-medium text-slate-800">
            Action
            <select name="action" defaultValue={query.action} className={`${inputClass} mt-1`}>
              <option value="">All actions</option>
              {log.actions.map((a) => (
                <option key={a.code} value={a.code}>{a.label}</option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            Who
            <select name="actor" defaultValue={query.actor} className={`${inputClass} mt-1`}>
              <option value="">Anyone</option>
              {log.actors.map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </select>
          </label>
          <DateRangeFields from={query.from} to={query.to} />
          <button type="submit" className={buttonVariants()}>Apply</button>
          {query.action || query.actor || query.from || query.to ? <Link href="/team/audit" className={buttonVariants({ variant: "ghost" })}>Reset</Link> : null}
        </form>
        {log.rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">No change recorded{query.action || query.actor || query.from || query.to ? " matches these filters" : " yet"}.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">Audit log, {plural(log.total, "entry", "entries")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">When (UTC)</th>
                  <th scope="col" className="px-4 py-2 font-medium">Who</th>
                  <th scope="col" className="px-4 py-2 font-medium">What</th>
                  <th scope="col" className="px-4 py-2 font-medium">Changes</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {log.rows.map((r) => (
                  <tr key={r.id} data-testid="audit-row" data-action={r.code}>
                    <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">{WHEN.format(new Date(r.at))}</td>
                    <td className="px-4 py-2 font-medium text-slate-900">{r.actor}</td>
                    <td className="px-4 py-2 text-slate-800">
                      {r.action}
                      {r.target ? <> <strong className="font-semibold text-slate-900">{r.target}</strong></> : null}
                    </td>
                    <td className="max-w-96 px-4 py-2 text-xs text-slate-600">
                      {r.details.length === 0 ? (
                        <span className="text-slate-400">—</span>
                      ) : r.details.length === 1 && r.details[0]!.length <= 80 ? (
                        <span className="break-words">{r.details[0]}</span>
                      ) : (
                        <details>
                          <summary className="cursor-pointer break-words">{r.details[0]!.length > 80 ? `${r.details[0]!.slice(0, 79)}…` : r.details[0]}{r.details.length > 1 ? ` (+${r.details.length - 1} more)` : ""}</summary>
                          <ul className="mt-1 space-y-0.5">
                            {r.details.map((line, i) => (
                              <li key={i} className="whitespace-pre-wrap break-words">{line}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={query.page} pages={log.pages} href={(page) => `?${search({ page })}`} total={plural(log.total, "entry", "entries")} />
      </div>
    </>
  );
}
