import type { Metadata } from "next";
import { CustomerFiguresPanel } from "@/components/customers/customer-figures";
import { CustomerList } from "@/components/customers/customer-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { customersPage } from "@/lib/customers/page-data";

export const metadata: Metadata = { title: "Customers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomersPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { query, result, figures, apps, periodLabel } = await customersPage(member, raw, null);
  return (
    <>
      <PageHeader
        title="Customers"
        description="Every company that installed one of your apps, with its story: installs, uninstalls and comebacks."
      />
      <div className="space-y-4">
        <CustomerFiguresPanel figures={figures} period={periodLabel} />
        <CustomerList query={query} apps={apps} fixedApp={null} result={result} basePath="/customers" />
      </div>
    </>
  );
}
