import type { Metadata } from "next";
import { Avatar } from "@/components/ui/avatar";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { ROLE_LABELS } from "@/lib/team/roles";
import { listMembers } from "@/lib/team/workspace";

export const metadata: Metadata = { title: "Team" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function TeamPage() {
  const { workspace, user } = await requireMembership();
  const members = await listMembers(workspace.id);
  return (
    <>
      <PageHeader title="Team" description={`The people of ${workspace.name} in Listing Studio and what they can do.`} />
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Workspace members</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">Member</th>
              <th scope="col" className="px-4 py-3 font-medium">Role</th>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Joined</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.id}>
                <td className="px-4 py-3">
                  <div className="flex items-center gap-3">
                    <Avatar name={m.name} src={m.image} />
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">
                        {m.name} {m.id === user.id ? <span className="font-normal text-slate-500">(you)</span> : null}
                      </p>
                      {m.email ? <p className="truncate text-slate-500">{m.email}</p> : null}
                    </div>
                  </div>
                </td>
                <td className="px-4 py-3">{ROLE_LABELS[m.role]}</td>
                <td className="hidden px-4 py-3 text-slate-600 sm:table-cell">{dateFormat.format(m.joinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
