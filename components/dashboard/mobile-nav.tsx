"use client";

import { useState } from "react";
import Link from "next/link";
import { Menu, X } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { DashboardNav, type NavBadges } from "./nav";

/** On phones the sections live in a drawer opened from the header (a native modal dialog). */
export function MobileNav({ badges }: { badges: NavBadges }) {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const waiting = Object.values(badges).reduce((sum, b) => sum + (b?.count ?? 0), 0);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        className="relative -ml-2 flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <Menu aria-hidden className="size-5" />
        <span className="sr-only">Menu</span>
        {waiting > 0 ? (
          <span aria-hidden className="absolute top-1.5 right-1.5 size-2 rounded-full bg-red-600" />
        ) : null}
      </button>
      <dialog
        ref={dialog}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === e.currentTarget && setOpen(false)}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <div className="flex h-full flex-col">
            <div className="flex h-14 items-center justify-between border-b border-slate-200 px-4">
              <Link href="/apps" aria-label="Listing Studio dashboard" onClick={() => setOpen(false)}>
                <Logo />
              </Link>
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
              >
                <X aria-hidden className="size-5" />
                <span className="sr-only">Close the menu</span>
              </button>
            </div>
            <div className="p-3">
              <DashboardNav badges={badges} onNavigate={() => setOpen(false)} />
            </div>
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
