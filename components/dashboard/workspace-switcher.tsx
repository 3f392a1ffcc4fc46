"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { switchWorkspaceAction } from "@/lib/actions/team";
import { MenuButton, menuItemClass } from "@/components/ui/menu";

/** For people in several workspaces (an agency building apps for several partners). */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: { id: string; name: string };
  workspaces: { id: string; name: string; role: string }[];
}) {
  return (
    <MenuButton
      label={`Workspace: ${current.name}. Switch workspace`}
      triggerClassName="flex min-w-0 items-center gap-1 rounded-md px-2 py-1 font-semibold text-slate-900 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      trigger={
        <>
          <span className="truncate" data-testid="workspace-name">
            {current.name}
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-500" />
        </>
      }
    >
      <p role="none" className="px-3 py-1.5 text-xs font-medium text-slate-500">
        Your workspaces
      </p>
      {workspaces.map((w) => (
        <button
          key={w.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`${menuItemClass} justify-between gap-3`}
          onClick={async () => {
            if (w.id === current.id) return;
            const result = await switchWorkspaceAction(w.id);
            if (result && !result.ok) toast.error(result.error.message);
          }}
        >
          <span className="truncate">{w.name}</span>
          {w.id === current.id ? (
            <Check aria-label="current" className="size-4 text-brand-700" />
          ) : (
            <span className="text-xs text-slate-500">{w.role}</span>
          )}
        </button>
      ))}
    </MenuButton>
  );
}
