"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export function AppTabs({ appId }: { appId: string }) {
  const pathname = usePathname() ?? "";
  const tabs = [
    { href: `/apps/${appId}/listing`, label: "Listing" },
    { href: `/apps/${appId}/preview`, label: "Preview" },
    { href: `/apps/${appId}/review`, label: "Review" },
    { href: `/apps/${appId}/installs`, label: "Installs" },
    { href: `/apps/${appId}/versions`, label: "Versions" },
    { href: `/apps/${appId}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="App sections" className="flex gap-4 border-b border-slate-200">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-1 pb-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
