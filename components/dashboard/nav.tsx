"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AppWindow, BarChart3, Building2, MessageSquareText, Settings, Users } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/text/words";

const ITEMS = [
  { href: "/apps", label: "Apps", icon: AppWindow },
  { href: "/customers", label: "Customers", icon: Building2 },
  { href: "/reviews", label: "Reviews", icon: MessageSquareText },
  { href: "/analytics", label: "Analytics", icon: BarChart3 },
  { href: "/team", label: "Team", icon: Users },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

/** Counts shown beside a section, e.g. access requests waiting on Team (owners only). */
export type NavBadges = Partial<Record<(typeof ITEMS)[number]["href"], { count: number; one: string; other: string }>>;

export function DashboardNav({ badges = {}, onNavigate }: { badges?: NavBadges; onNavigate?: () => void }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Workspace">
      <ul className="flex flex-col gap-1">
        {ITEMS.map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          const badge = badges[href];
          return (
            <li key={href}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {label}
                {badge && badge.count > 0 ? (
                  <span
                    className="ml-auto rounded-full bg-red-600 px-1.5 py-0.5 text-xs leading-none font-semibold text-white"
                    data-testid={`nav-badge-${label.toLowerCase()}`}
                  >
                    <span aria-hidden>{badge.count}</span>
                    <span className="sr-only">, {plural(badge.count, badge.one, badge.other)}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
