"use client";

import Link from "next/link";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut, Settings } from "lucide-react";
import { signOutAction } from "@/app/actions/session";
import { Avatar } from "@/components/ui/avatar";

export function UserMenu({ name, email, image }: { name: string; email: string | null; image: string | null }) {
  return (
    <Menu.Root>
      <Menu.Trigger
        aria-label={`Account menu for ${name}`}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <Avatar name={name} src={image} />
        <span className="hidden font-medium text-slate-700 sm:inline">{name}</span>
        <ChevronDown aria-hidden className="size-4 text-slate-500" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <div className="px-3 py-2">
            <p className="font-medium text-slate-900">{name}</p>
            {email ? <p className="truncate text-xs text-slate-500">{email}</p> : null}
          </div>
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Item asChild>
            <Link href="/settings" className="flex items-center gap-2 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-slate-100">
              <Settings aria-hidden className="size-4" /> Settings
            </Link>
          </Menu.Item>
          <Menu.Item asChild onSelect={(event) => event.preventDefault()}>
            <form action={signOutAction}>
              <button type="submit" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left outline-none hover:bg-slate-100 focus:bg-slate-100">
                <LogOut aria-hidden className="size-4" /> Sign out
              </button>
            </form>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
