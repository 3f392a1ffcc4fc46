"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A menu button (WAI-ARIA pattern) without a positioning library: Enter, Space or ArrowDown opens
 * it on the first item, arrows, Home and End move, Escape closes and returns focus, Tab or a click
 * outside closes, choosing an item closes. Items are elements with `role="menuitem"`.
 */
export function MenuButton({
  label,
  trigger,
  triggerClassName,
  align = "start",
  contentClassName,
  children,
}: {
  label: string;
  trigger: ReactNode;
  triggerClassName?: string;
  align?: "start" | "end";
  contentClassName?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: PointerEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => {
      event.preventDefault();
      list[(i + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") setOpen(false);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        data-state={open ? "open" : "closed"}
        className={triggerClassName}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </button>
      {/* Kept in the page while closed (hidden): a form inside still submits after its item closes the menu. */}
      <div
        id={id}
        hidden={!open}
        role="menu"
        aria-label={label}
        onKeyDown={onMenuKey}
        onClick={(event) => (event.target as HTMLElement).closest('[role="menuitem"]') && close(false)}
        className={cn(
          "absolute top-full z-50 mt-1.5 min-w-56 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg",
          align === "end" ? "right-0" : "left-0",
          contentClassName,
        )}
      >
        {children}
      </div>
    </div>
  );
}

export const menuItemClass =
  "flex w-full cursor-default items-center gap-2 rounded-md px-3 py-2 text-left outline-none hover:bg-slate-100 focus:bg-slate-100";
