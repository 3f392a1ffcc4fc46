import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { DashboardNav } from "@/components/dashboard/nav";
import { UserMenu } from "@/components/dashboard/user-menu";
import { requireMembership } from "@/lib/authz";
import { ROLE_LABELS } from "@/lib/team/roles";
import { listMemberships } from "@/lib/team/workspace";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, role } = await requireMembership();
  const workspaces = await listMemberships(user.id);
  return (
    <div className="min-h-screen bg-slate-50 md:grid md:grid-cols-[15rem_1fr]">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:border-b-0 md:border-r">
        <div className="flex h-14 items-center px-4">
          <Link href="/apps" aria-label="Listing Studio dashboard">
            <Logo />
          </Link>
        </div>
        <div className="px-3 pb-3 md:pt-2">
          <DashboardNav />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            {workspaces.length > 1 ? (
              <WorkspaceSwitcher current={{ id: workspace.id, name: workspace.name }} workspaces={workspaces.map((w) => ({ ...w, role: ROLE_LABELS[w.role] }))} />
            ) : (
              <span className="truncate font-semibold text-slate-900" data-testid="workspace-name">
                {workspace.name}
              </span>
            )}
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{ROLE_LABELS[role]}</span>
          </div>
          <UserMenu name={user.name} email={user.email} image={user.image} />
        </header>
        <main id="content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
