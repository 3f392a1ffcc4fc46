"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { changeRoleAction, leaveWorkspaceAction, removeMemberAction } from "@/lib/actions/team";
import { inputClass } from "@/components/forms/field";
import { Avatar } from "@/components/ui/avatar";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/team/roles";
import { cn } from "@/lib/utils";
import { ScrollArea } from "@/components/ui/scroll-area";

type Row = { id: string; name: string; email: string | null; image: string | null; role: Role; joinedAt: string };
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function MembersTable({ members, me, isOwner }: { members: Row[]; me: string; isOwner: boolean }) {
  const router = useRouter();
  return (
    <ScrollArea label="Workspace members" className="rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Workspace members</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 max-sm:sr-only">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Member</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Joined</th>
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.id} data-testid="member-row" className="max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:justify-between max-sm:py-2">
              <td className="px-4 py-3 max-sm:block max-sm:w-full max-sm:pb-1">
                <div className="flex items-center gap-3">
                  <Avatar name={m.name} src={m.image} />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {m.name} {m.id === me ? <span className="font-normal text-slate-500">(you)</span> : null}
                    </p>
                    {m.email ? <p className="truncate text-slate-500">{m.email}</p> : null}
                  </div>
                </div>
              </td>
              <td className="px-4 py-3 max-sm:block max-sm:py-1">
                {isOwner ? (
                  <select
                    aria-label={`Role of ${m.name}`}
                    className={cn(inputClass, "h-8 w-32 py-0")}
                    value={m.role}
                    onChange={async (e) => {
                      const result = await changeRoleAction(m.id, { role: e.target.value });
                      if (!result.ok) return void toast.error(result.error.message);
                      toast.success(`${m.name} is now ${ROLE_LABELS[e.target.value as Role]}`);
                      router.refresh();
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                    ))}
                  </select>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              <td className="hidden px-4 py-3 text-slate-600 sm:table-cell">{dateFormat.format(new Date(m.joinedAt))}</td>
              <td className="px-4 py-3 text-right max-sm:block max-sm:py-1">
                {m.id === me ? (
                  <ConfirmAction label="Leave" target="this workspace" description="You lose access to its apps at once; an owner can invite you back." confirmLabel="Leave workspace" done="You left the workspace" run={() => leaveWorkspaceAction()} />
                ) : isOwner ? (
                  <ConfirmAction label="Remove" target={m.name} description="They lose access at once: their open sessions end." confirmLabel="Remove member" done={`${m.name} was removed`} run={() => removeMemberAction(m.id)} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
