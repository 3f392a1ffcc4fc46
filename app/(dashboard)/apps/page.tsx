import type { Metadata } from "next";
import Link from "next/link";
import { AppWindow, Plus, UserPlus } from "lucide-react";
import { AppCard } from "@/components/apps/app-card";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApps } from "@/lib/apps/service";
import { requireMembership } from "@/lib/authz";
import { countAccessRequests } from "@/lib/team/invitations";
import { hasRole } from "@/lib/team/roles";
import { plural, pluralForm } from "@/lib/words";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const member = await requireMembership();
  const archived = (await searchParams).archived === "1";
  const [apps, requests] = await Promise.all([listApps(member, { archived }), countAccessRequests(member)]);
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
      {requests > 0 ? (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="access-requests-notice">
          <p className="flex items-center gap-2">
            <UserPlus aria-hidden className="size-4 shrink-0" />
            {plural(requests, "person asks", "people ask")} to join {member.workspace.name}: {pluralForm(requests, "their request waits", "their requests wait")} for an owner.
          </p>
          <Link href="/team" className={buttonVariants({ size: "sm", variant: "secondary" })}>Review requests</Link>
        </div>
      ) : null}
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
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {apps.map((app) => (
            <AppCard key={app.id} app={app} />
          ))}
        </ul>
      )}
    </>
  );
}
