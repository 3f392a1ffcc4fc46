import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3 } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requireMembership();
  return (
    <>
      <PageHeader title="Analytics" description="Installs, uninstalls, churn and ratings across your apps." />
      <EmptyState
        icon={BarChart3}
        title="No install data yet"
        action={
          <Link href="/apps" className={buttonVariants({ variant: "secondary" })}>
            Go to apps
          </Link>
        }
      >
        Figures appear once an app sends its installs through Listing Studio&apos;s install gateway.
      </EmptyState>
    </>
  );
}
