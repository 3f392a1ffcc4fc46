import Link from "next/link";
import { connection } from "next/server";
import { Logo } from "@/components/brand/logo";
import { MobileNav } from "@/components/dashboard/mobile-nav";
import { DashboardNav, type NavBadges } from "@/components/dashboard/nav";
import { NotificationBell } from "@/components/dashboard/notification-bell";
import { UserMenu } from "@/components/dashboard/user-menu";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { requireMembership } from "@/lib/authz";
import { unreadCount } from "@/lib/notifications/service";
import { countAccessRequests } from "@/lib/team/invitations";
import { ROLE_LABELS } from "@/lib/team/roles";
import { listMemberships } from "@/lib/team/workspace";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const member = await requireMembership();
  const { user, workspace, role } = member;
  const [workspaces, requests, unread] = await Promise.all([
    listMemberships(user.id),
    countAccessRequests(member),
    unreadCount(member),
  ]);
  const badges: NavBadges = {
    "/team": { count: requests, one: "access request waiting", other: "access requests waiting" },
  };
  return (
    <div className="min-h-screen bg-slate-50 md:flex">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {/* The column's background runs the page's full height; the navigation stays in view. */}
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="sticky top-0 max-h-screen overflow-y-auto">
          <div className="flex h-14 items-center px-4">
            <Link href="/apps" aria-label="Listing Studio dashboard">
              <Logo />
            </Link>
          </div>
          <div className="px-3 pt-2 pb-3">
            <DashboardNav badges={badges} />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav badges={badges} />
            {workspaces.length > 1 ? (
              <WorkspaceSwitcher
                current={{ id: workspace.id, name: workspace.name }}
                workspaces={workspaces.map((w) => ({ ...w, role: ROLE_LABELS[w.role] }))}
              />
            ) : (
              <span className="truncate font-semibold text-slate-900" data-testid="workspace-name">
                {workspace.name}
              </span>
            )}
            <span className="hidden shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 sm:inline">
              {ROLE_LABELS[role]}
            </span>
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <NotificationBell unread={unread} />
            <UserMenu name={user.name} email={user.email} image={user.image} />
          </div>
        </header>
        <main id="content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
