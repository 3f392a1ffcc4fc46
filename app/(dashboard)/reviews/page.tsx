import type { Metadata } from "next";
import Link from "next/link";
import { MessageSquareText } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  await requireMembership();
  return (
    <>
      <PageHeader title="Reviews" description="Ratings and reviews of your published apps, in one inbox." />
      <EmptyState
        icon={MessageSquareText}
        title="No reviews yet"
        action={
          <Link href="/apps" className={buttonVariants({ variant: "secondary" })}>
            Go to apps
          </Link>
        }
      >
        Reviews appear here once one of your apps is published on the Pipedrive Marketplace and its listing is synced.
      </EmptyState>
    </>
  );
}
