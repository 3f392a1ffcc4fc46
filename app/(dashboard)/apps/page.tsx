import type { Metadata } from "next";
import Link from "next/link";
import { AppWindow, Plus } from "lucide-react";
import { AppCard } from "@/components/apps/app-card";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApps } from "@/lib/apps/service";
import { requireMembership } from "@/lib/authz";
import { hasRole } from "@/lib/team/roles";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const member = await requireMembership();
  const archived = (await searchParams).archived === "1";
  const apps = await listApps(member, { archived });
  const canCreate = hasRole(member.role, "EDITOR");
  const newButton = canCreate ? (
    <Link href="/apps/new" className={buttonVariants()}>
      <Plus aria-hidden /> {apps.length === 0 && !archived ? "Create your first app" : "New app"}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Apps"
        description="The Marketplace apps of your workspace, their listings and how they are doing."
        actions={apps.length > 0 || archived ? newButton : null}
      />
      <nav aria-label="App filter" className="mb-4 flex gap-1 text-sm">
        {[
          ["Active", "/apps", !archived],
          ["Archived", "/apps?archived=1", archived],
        ].map(([label, href, active]) => (
          <Link
            key={String(label)}
            href={String(href)}
            aria-current={active ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5", active ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100")}
          >
            {label}
          </Link>
        ))}
      </nav>
      {apps.length === 0 ? (
        archived ? (
          <EmptyState icon={AppWindow} title="No archived apps">
            Archived apps are kept with their listings and history; restore them from their settings.
          </EmptyState>
        ) : (
          <EmptyState icon={AppWindow} title="No apps yet" action={newButton}>
            Add the app you have registered in Pipedrive&apos;s Developer Hub to draft its listing, preview it as customers will
            see it, and follow its installs and reviews.
          </EmptyState>
        )
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {apps.map((app) => (
            <AppCard key={app.id} app={app} />
          ))}
        </ul>
      )}
    </>
  );
}
