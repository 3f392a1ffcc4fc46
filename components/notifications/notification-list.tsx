"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { markReadAction } from "@/lib/actions/notifications";
import { KIND_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import { cn } from "@/components/ui/cn";
import { UTC_TIME as WHEN } from "@/lib/text/dates";

type Row = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string;
  createdAt: string;
  read: boolean;
};

export function NotificationList({ rows }: { rows: Row[] }) {
  const router = useRouter();
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Notifications">
      {rows.map((n) => (
        <li
          key={n.id}
          data-testid="notification"
          data-read={n.read}
          className={cn("flex gap-3 px-4 py-3", !n.read && "bg-brand-50/40")}
        >
          <span
            aria-hidden
            className={cn("mt-2 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-brand-600")}
          />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium text-slate-500">
              {KIND_LABELS[n.kind as NotificationKind]?.label ?? n.kind} ·{" "}
              <time dateTime={n.createdAt}>{WHEN.format(new Date(n.createdAt))} UTC</time>
              {n.read ? null : <span className="sr-only"> · unread</span>}
            </p>
            <Link
              href={n.link}
              className="mt-0.5 block font-medium text-slate-900 hover:underline"
              onClick={() => {
                if (!n.read) void markReadAction(n.id);
              }}
            >
              {n.title}
            </Link>
            {n.body ? <p className="mt-0.5 line-clamp-3 text-sm whitespace-pre-line text-slate-600">{n.body}</p> : null}
          </div>
          {n.read ? null : (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Mark “${n.title}” as read`}
              onClick={async () => {
                const result = await markReadAction(n.id);
                if (!result.ok) return void toast.error(result.error.message);
                router.refresh();
              }}
            >
              Mark read
            </Button>
          )}
        </li>
      ))}
    </ol>
  );
}

export function MarkAllRead() {
  const router = useRouter();
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={async () => {
        const result = await markReadAction("all");
        if (!result.ok) return void toast.error(result.error.message);
        toast.success("All notifications marked as read");
        router.refresh();
      }}
    >
      Mark all as read
    </Button>
  );
}
