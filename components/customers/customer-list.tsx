import Link from "next/link";
import { Download } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { UTC_DAY as DAY } from "@/lib/text/dates";
import { CUSTOMER_STATUS_LABELS, INSTALL_SOURCE_LABELS, type CustomerRow } from "@/lib/customers/types";
import { CustomerStatusBadge } from "./status-badge";

export type CustomerFilter = { q: string; status: string; app: string; period: string; page: number };

const PERIOD_LABELS: Record<string, string> = {
  all: "Any time",
  "7": "Last 7 days",
  "30": "Last 30 days",
  "90": "Last 90 days",
  "365": "Last 12 months",
};

/** The query string of a filter (defaults left out), for links and the CSV export. */
export function customerSearch(query: CustomerFilter, fixedApp: boolean) {
  return new URLSearchParams(
    Object.entries(query)
      .filter(
        ([k, v]) =>
          !(k === "page" && v === 1) &&
          v !== "" &&
          !(k === "status" && v === "all") &&
          !(k === "period" && v === "all") &&
          !(fixedApp && k === "app"),
      )
      .map(([k, v]) => [k, String(v)]),
  );
}

/**
 * Every company that installed, paged on the server: over the workspace (with an app filter), or for one app
 * (`fixedApp`, the app's Customers tab) where the status and dates are the app's own.
 */
export function CustomerList({
  query,
  apps,
  fixedApp,
  result,
  basePath,
}: {
  query: CustomerFilter;
  apps: { id: string; name: string }[];
  fixedApp: string | null;
  result: { total: number; capped: boolean; pages: number; rows: CustomerRow[] };
  basePath: string;
}) {
  const href = (change: Partial<CustomerFilter>) =>
    `${basePath}?${customerSearch({ ...query, ...change }, !!fixedApp)}`;
  const csvQuery = customerSearch({ ...query, page: 1, app: fixedApp ?? query.app }, false);
  csvQuery.set("format", "csv");
  const filtered = query.q || query.status !== "all" || query.period !== "all" || (!fixedApp && query.app);
  const totalLabel = `${result.capped ? "More than " : ""}${result.total.toLocaleString("en-US")} ${
    result.total === 1 && !result.capped ? "customer" : "customers"
  }`;
  return (
    <div className="space-y-4">
      <form
        key={JSON.stringify(query)}
        method="get"
        action={basePath}
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        role="search"
        aria-label="Filter customers"
      >
        <label className="min-w-56 flex-1 text-sm font-medium text-slate-800">
          Search
          <input
            name="q"
            defaultValue={query.q}
            placeholder="Company, domain, person, email or id"
            className={`${inputClass} mt-1`}
          />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Status
          <select name="status" defaultValue={query.status} className={`${inputClass} mt-1`}>
            <option value="all">All statuses</option>
            <option value="installed">{CUSTOMER_STATUS_LABELS.INSTALLED}</option>
            <option value="reinstalled">{CUSTOMER_STATUS_LABELS.REINSTALLED}</option>
            <option value="uninstalled">{CUSTOMER_STATUS_LABELS.UNINSTALLED}</option>
          </select>
        </label>
        {fixedApp ? null : (
          <label className="text-sm font-medium text-slate-800">
            App
            <select name="app" defaultValue={query.app} className={`${inputClass} mt-1`}>
              <option value="">All apps</option>
              {apps.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium text-slate-800">
          Last change
          <select name="period" defaultValue={query.period} className={`${inputClass} mt-1`}>
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonVariants({ size: "md" })}>
          Apply
        </button>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="customer-total">
          {totalLabel}
          {filtered ? " match these filters" : ""}
        </p>
        <a
          href={`/api/customers?${csvQuery}`}
          className={buttonVariants({ variant: "secondary", size: "sm" })}
          download
        >
          <Download aria-hidden /> Export CSV
        </a>
      </div>

      {result.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {filtered
            ? "No customer matches these filters."
            : "No customers yet. Every company that installs through the gateway, the events API or an import appears here."}
        </p>
      ) : (
        <ScrollArea label="Customers" className="rounded-xl border border-slate-200 bg-white">
          <Table className="min-w-[56rem]">
            <caption className="sr-only">Customers, {totalLabel}</caption>
            <THead className="bg-slate-50">
              <tr>
                <Th>Company</Th>
                <Th>Installed by</Th>
                <Th>Status</Th>
                <Th>First install</Th>
                <Th>Last change</Th>
                <Th numeric>Tenure</Th>
                <Th>Source</Th>
              </tr>
            </THead>
            <TBody>
              {result.rows.map((r) => (
                <tr key={r.id} data-testid="customer-row">
                  <Td>
                    <Link href={`/customers/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      <bdi>{r.companyName ?? `Company ${r.companyId}`}</bdi>
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {r.companyId}
                      {r.companyDomain ? ` · ${r.companyDomain}` : ""}
                      {r.erased ? " · personal data erased" : r.companyName ? "" : " · no name was sent"}
                      {!fixedApp && r.apps > 1 ? ` · ${r.apps} apps` : ""}
                    </span>
                  </Td>
                  <Td>
                    {r.installer?.name ? (
                      <bdi>{r.installer.name}</bdi>
                    ) : (
                      <span className="text-slate-500">{r.erased ? "Erased" : "No name sent"}</span>
                    )}
                    {r.installer?.email ? (
                      <span className="block text-xs text-slate-500">
                        <bdi>{r.installer.email}</bdi>
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    <CustomerStatusBadge status={r.status} />
                    {r.reinstalls > 1 ? <span className="ml-1 text-xs text-slate-500">×{r.reinstalls}</span> : null}
                  </Td>
                  <Td>{r.firstInstalledAt ? DAY.format(new Date(r.firstInstalledAt)) : "Before tracking"}</Td>
                  <Td>{DAY.format(new Date(r.lastChangeAt))}</Td>
                  <Td numeric>{r.tenureDays === null ? "—" : `${r.tenureDays} d`}</Td>
                  <Td className="text-xs text-slate-600">
                    {r.sources.map((s) => INSTALL_SOURCE_LABELS[s] ?? s).join(", ")}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </ScrollArea>
      )}
      <Pager page={query.page} pages={result.pages} href={(page) => href({ page })} total={totalLabel} />
    </div>
  );
}
