"use client";

import Link from "next/link";
import { ChevronDown, LogOut, Settings } from "lucide-react";
import { signOutAction } from "@/lib/actions/session";
import { Avatar } from "@/components/ui/avatar";
import { MenuButton, menuItemClass } from "@/components/ui/menu";

export function UserMenu({ name, email, image }: { name: string; email: string | null; image: string | null }) {
  return (
    <MenuButton
      label={`Account menu for ${name}`}
      align="end"
      triggerClassName="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm hover:bg-slate-100 data-[state=open]:bg-slate-100"
      trigger={
        <>
          <Avatar name={name} src={image} />
          <span className="hidden font-medium text-slate-700 sm:inline">{name}</span>
          <ChevronDown aria-hidden className="size-4 text-slate-500" />
        </>
      }
    >
      <div className="px-3 py-2" role="none">
        <p className="font-medium text-slate-900">{name}</p>
        {email ? <p className="truncate text-xs text-slate-500">{email}</p> : null}
      </div>
      <div role="separator" className="my-1 h-px bg-slate-100" />
      <Link href="/settings" role="menuitem" tabIndex={-1} className={menuItemClass}>
        <Settings aria-hidden className="size-4" /> Settings
      </Link>
      <form action={signOutAction} role="none">
        <button type="submit" role="menuitem" tabIndex={-1} className={menuItemClass}>
          <LogOut aria-hidden className="size-4" /> Sign out
        </button>
      </form>
    </MenuButton>
  );
}
