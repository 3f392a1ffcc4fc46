import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { auditQuerySchema, listAudit, type AuditQuery } from "@/lib/audit-trail/query";
import { requireMembership } from "@/lib/authz";
import { DateRangeFields } from "@/components/forms/date-range-fields";
import { AuditEntries } from "@/components/audit-trail/audit-entries";
import { plural } from "@/lib/text/words";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = auditQuerySchema.parse(raw);
  const log = await listAudit(member, query);
  const search = (change: Partial<AuditQuery>) =>
    new URLSearchParams(
      Object.entries({ ...query, ...change })
        .filter(([k, v]) => v !== "" && !(k === "page" && v === 1))
        .map(([k, v]) => [k, String(v)]),
    ).toString();
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
        <form
          key={JSON.stringify(query)}
          method="get"
          role="search"
          aria-label="Filter the audit log"
          className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        >
          <label className="text-sm font-medium text-slate-800">
            Action
            <select name="action" defaultValue={query.action} className={`${inputClass} mt-1`}>
              <option value="">All actions</option>
              {log.actions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            Who
            <select name="actor" defaultValue={query.actor} className={`${inputClass} mt-1`}>
              <option value="">Anyone</option>
              {log.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <DateRangeFields from={query.from} to={query.to} />
          <button type="submit" className={buttonVariants()}>
            Apply
          </button>
          {query.action || query.actor || query.from || query.to ? (
            <Link href="/team/audit" className={buttonVariants({ variant: "ghost" })}>
              Reset
            </Link>
          ) : null}
        </form>
        {log.rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            No change recorded
            {query.action || query.actor || query.from || query.to ? " matches these filters" : " yet"}.
          </p>
        ) : (
          <AuditEntries entries={log.rows} total={log.total} more={log.more} />
        )}
        <Pager
          page={query.page}
          pages={log.pages}
          next={log.next}
          more={log.more}
          href={(page) => `?${search({ page })}`}
          total={log.more ? `${log.total.toLocaleString("en-US")}+ entries` : plural(log.total, "entry", "entries")}
        />
      </div>
    </>
  );
}
