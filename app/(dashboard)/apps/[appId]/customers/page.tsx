import type { Metadata } from "next";
import { CustomerFiguresPanel } from "@/components/customers/customer-figures";
import { CustomerList } from "@/components/customers/customer-list";
import { loadApp } from "@/lib/apps/load";
import { customersPage } from "@/lib/customers/page-data";

export const metadata: Metadata = { title: "Customers" };

type Props = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AppCustomersPage({ params, searchParams }: Props) {
  const { app, member } = await loadApp((await params).appId);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { query, result, figures, apps, periodLabel } = await customersPage(member, raw, app.id);
  return (
    <div className="space-y-4">
      <CustomerFiguresPanel figures={figures} period={periodLabel} />
      <CustomerList
        query={query}
        apps={apps}
        fixedApp={app.id}
        result={result}
        basePath={`/apps/${app.id}/customers`}
      />
    </div>
  );
}
