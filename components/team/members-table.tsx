"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { changeRoleAction, leaveWorkspaceAction, removeMemberAction } from "@/lib/actions/team";
import { inputClass } from "@/components/forms/field";
import { Avatar } from "@/components/ui/avatar";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/team/roles";
import { cn } from "@/components/ui/cn";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

type Row = { id: string; name: string; email: string | null; image: string | null; role: Role; joinedAt: string };
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function MembersTable({ members, me, isOwner }: { members: Row[]; me: string; isOwner: boolean }) {
  const router = useRouter();
  return (
    <ScrollArea label="Workspace members" className="rounded-xl border border-slate-200 bg-white">
      <Table>
        <caption className="sr-only">Workspace members</caption>
        <THead className="bg-slate-50 max-sm:sr-only">
          <tr>
            <Th>Member</Th>
            <Th>Role</Th>
            <Th className="hidden sm:table-cell">Joined</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {members.map((m) => (
            <tr
              key={m.id}
              data-testid="member-row"
              className="max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:justify-between max-sm:py-2"
            >
              <Td className="max-sm:block max-sm:w-full max-sm:pb-1">
                <div className="flex items-center gap-3">
                  <Avatar name={m.name} src={m.image} />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {m.name} {m.id === me ? <span className="font-normal text-slate-500">(you)</span> : null}
                    </p>
                    {m.email ? <p className="truncate text-slate-500">{m.email}</p> : null}
                  </div>
                </div>
              </Td>
              <Td className="max-sm:block max-sm:py-1">
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
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </Td>
              <Td className="hidden text-slate-600 sm:table-cell">{dateFormat.format(new Date(m.joinedAt))}</Td>
              <Td numeric className="max-sm:block max-sm:py-1">
                {m.id === me ? (
                  <ConfirmAction
                    label="Leave"
                    target="this workspace"
                    description="You lose access to its apps at once; an owner can invite you back."
                    confirmLabel="Leave workspace"
                    done="You left the workspace"
                    run={() => leaveWorkspaceAction()}
                  />
                ) : isOwner ? (
                  <ConfirmAction
                    label="Remove"
                    target={m.name}
                    description="They lose access at once: their open sessions end."
                    confirmLabel="Remove member"
                    done={`${m.name} was removed`}
                    run={() => removeMemberAction(m.id)}
                  />
                ) : null}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </ScrollArea>
  );
}
