import type { Metadata } from "next";
import Link from "next/link";
import { Bell } from "lucide-react";
import { MarkAllRead, NotificationList } from "@/components/notifications/notification-list";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireMembership } from "@/lib/authz";
import { listNotifications } from "@/lib/notifications/service";
import { plural } from "@/lib/text/words";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(raw.page) || 1));
  const unread = raw.show === "unread";
  const { total, pages, rows } = await listNotifications(member, { page, unread });
  const href = (p: number) =>
    `/notifications?${new URLSearchParams([...(unread ? [["show", "unread"]] : []), ...(p > 1 ? [["page", String(p)]] : [])])}`;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`What happened in ${member.workspace.name} that you asked to hear about.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <MarkAllRead />
            <Link href="/notifications/settings" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Settings
            </Link>
          </div>
        }
      />
      <nav aria-label="Show" className="mb-4 flex gap-1">
        <Link
          href="/notifications"
          aria-current={unread ? undefined : "page"}
          className={buttonVariants({ variant: unread ? "ghost" : "secondary", size: "sm" })}
        >
          All
        </Link>
        <Link
          href="/notifications?show=unread"
          aria-current={unread ? "page" : undefined}
          className={buttonVariants({ variant: unread ? "secondary" : "ghost", size: "sm" })}
        >
          Unread
        </Link>
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          icon={Bell}
          title={unread ? "Nothing unread" : "No notification yet"}
          action={
            <Link href="/notifications/settings" className={buttonVariants({ variant: "secondary" })}>
              Choose what you get
            </Link>
          }
        >
          New reviews, alerts, position changes, access requests, comments and submission steps show here.
        </EmptyState>
      ) : (
        <>
          <NotificationList
            rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), read: r.readAt !== null }))}
          />
          <Pager page={page} pages={pages} href={href} total={plural(total, "notification", "notifications")} />
        </>
      )}
    </>
  );
}
