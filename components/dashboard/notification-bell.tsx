import Link from "next/link";
import { Bell } from "lucide-react";
import { plural } from "@/lib/text/words";

/** The header's bell: the unread count, and the way to the notifications page. */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread ? `Notifications, ${plural(unread, "unread", "unread")}` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
    >
      <Bell aria-hidden className="size-5" />
      {unread ? (
        <span className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
