import type { Metadata } from "next";
import Link from "next/link";
import { Construction } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";

export const metadata: Metadata = { title: "New app" };

export default async function NewAppPage() {
  await requireMembership();
  return (
    <>
      <PageHeader title="New app" />
      <EmptyState
        icon={Construction}
        title="Adding apps is not open yet"
        action={
          <Link href="/apps" className={buttonVariants({ variant: "secondary" })}>
            Back to apps
          </Link>
        }
      >
        App creation and the listing editor are being rolled out to workspaces. Your workspace is ready: apps you add will
        appear on the Apps page.
      </EmptyState>
    </>
  );
}
