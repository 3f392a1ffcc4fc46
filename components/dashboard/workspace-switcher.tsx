"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown } from "lucide-react";
import { toast } from "sonner";
import { switchWorkspaceAction } from "@/app/(dashboard)/team/actions";

/** For people in several workspaces (an agency building apps for several partners). */
export function WorkspaceSwitcher({ current, workspaces }: { current: { id: string; name: string }; workspaces: { id: string; name: string; role: string }[] }) {
  return (
    <Menu.Root>
      <Menu.Trigger aria-label={`Workspace: ${current.name}. Switch workspace`} className="flex min-w-0 items-center gap-1 rounded-md px-2 py-1 font-semibold text-slate-900 hover:bg-slate-100 data-[state=open]:bg-slate-100">
        <span className="truncate" data-testid="workspace-name">{current.name}</span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-500" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={6} className="z-50 min-w-56 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <Menu.Label className="px-3 py-1.5 text-xs font-medium text-slate-500">Your workspaces</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              className="flex cursor-default items-center justify-between gap-3 rounded-md px-3 py-2 outline-none data-[highlighted]:bg-slate-100"
              onSelect={async () => {
                if (w.id === current.id) return;
                const result = await switchWorkspaceAction(w.id);
                if (result && !result.ok) toast.error(result.error.message);
              }}
            >
              <span className="truncate">{w.name}</span>
              {w.id === current.id ? <Check aria-label="current" className="size-4 text-brand-700" /> : <span className="text-xs text-slate-500">{w.role}</span>}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
