import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { ImportInstalls } from "@/components/installs/import-installs";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { loadApp } from "@/lib/apps/load";
import { installationQuerySchema, listInstallations, type InstallationQuery } from "@/lib/installs/installations";
import { can } from "@/lib/team/permissions";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { UTC_DAY as DAY } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Installs" };

const SOURCE: Record<string, string> = {
  GATEWAY: "Gateway",
  MARKETPLACE: "Marketplace (no state)",
  API: "Events API",
  IMPORT: "Import",
};

type Props = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function InstallsPage({ params, searchParams }: Props) {
  const { app, member } = await loadApp((await params).appId);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = installationQuerySchema.parse(raw);
  const { total, active, pages, rows } = await listInstallations(member, app.id, query);
  const href = (change: Partial<InstallationQuery>) => {
    const next = { ...query, ...change };
    const search = new URLSearchParams(
      Object.entries(next)
        .filter(([k, v]) => !(k === "page" && v === 1) && v !== "" && !(k === "source" && v === "all"))
        .map(([k, v]) => [k, String(v)]),
    );
    return `?${search}`;
  };
  const csv = `/api/apps/${app.id}/installations${href({ page: 1 })}&format=csv`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <p className="text-sm text-slate-600">
          <strong className="text-2xl font-bold text-slate-900" data-testid="active-installs">
            {active}
          </strong>{" "}
          active installations
        </p>
        <a href={csv} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
          <Download aria-hidden /> Export CSV
        </a>
      </div>
      {can(member, "installs.import") ? <ImportInstalls appId={app.id} /> : null}
      <form
        key={JSON.stringify(query)}
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        role="search"
        aria-label="Filter installations"
      >
        <label className="min-w-56 flex-1 text-sm font-medium text-slate-800">
          Search
          <input name="q" defaultValue={query.q} placeholder="Company, user or id" className={`${inputClass} mt-1`} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Status
          <select name="status" defaultValue={query.status} className={`${inputClass} mt-1`}>
            <option value="active">Active</option>
            <option value="uninstalled">Uninstalled</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Source
          <select name="source" defaultValue={query.source} className={`${inputClass} mt-1`}>
            <option value="all">All sources</option>
            {Object.entries(SOURCE).map(([value, label]) => (
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

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {total === 0 && !query.q && query.status === "active" && query.source === "all"
            ? "No installations yet. Installs through the gateway, the events API or an import appear here."
            : "No installation matches these filters."}
        </p>
      ) : (
        <ScrollArea label="Installations" className="rounded-xl border border-slate-200 bg-white">
          <Table className="min-w-[48rem]">
            <caption className="sr-only">Installations, {total} matching</caption>
            <THead className="bg-slate-50">
              <tr>
                <Th>Company</Th>
                <Th>User</Th>
                <Th>Installed</Th>
                <Th>Uninstalled</Th>
                <Th numeric>Lifetime</Th>
                <Th>Scopes</Th>
                <Th>Source</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="installation-row">
                  <Td>
                    <bdi className="block font-medium text-slate-900">{r.companyName ?? `Company ${r.companyId}`}</bdi>
                    <span className="block text-xs text-slate-500">{r.companyId}</span>
                  </Td>
                  <Td>
                    {r.userName ?? `User ${r.userId}`}
                    <span className="block text-xs text-slate-500">{r.userId}</span>
                  </Td>
                  <Td>{DAY.format(new Date(r.installedAt))}</Td>
                  <Td>
                    {r.uninstalledAt ? (
                      DAY.format(new Date(r.uninstalledAt))
                    ) : (
                      <span className="text-emerald-700">Active</span>
                    )}
                  </Td>
                  <Td numeric>{r.lifetimeDays} d</Td>
                  <Td className="max-w-56 truncate px-4 py-2 text-xs text-slate-600" title={r.scopes}>
                    {r.scopes || "—"}
                  </Td>
                  <Td>{SOURCE[r.source] ?? r.source}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </ScrollArea>
      )}
      <Pager page={query.page} pages={pages} href={(page) => href({ page })} total={`${total} installations`} />
    </div>
  );
}
