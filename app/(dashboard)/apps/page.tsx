import type { Metadata } from "next";
import Link from "next/link";
import { AppWindow, Plus } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage() {
  await requireMembership();
  return (
    <>
      <PageHeader title="Apps" description="The Marketplace apps of your workspace, their listings and how they are doing." />
      <EmptyState
        icon={AppWindow}
        title="No apps yet"
        action={
          <Link href="/apps/new" className={buttonVariants()}>
            <Plus aria-hidden /> Create your first app
          </Link>
        }
      >
        Add the app you have registered in Pipedrive&apos;s Developer Hub to draft its listing, preview it as customers will
        see it, and follow its installs and reviews.
      </EmptyState>
    </>
  );
}
