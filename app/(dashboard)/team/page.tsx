import type { Metadata } from "next";
import Link from "next/link";
import { AccessRequests, Invitations } from "@/components/team/invitations";
import { MembersTable } from "@/components/team/members-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { env } from "@/lib/server/env";
import { listAccessRequests, listInvitations } from "@/lib/team/invitations";
import { inputClass } from "@/components/forms/field";
import { Pager } from "@/components/ui/pager";
import { ROLES, ROLE_LABELS } from "@/lib/team/roles";
import { can } from "@/lib/team/permissions";
import { listMembersPage, membersQuerySchema, type MembersQuery } from "@/lib/team/workspace";
import { plural } from "@/lib/text/words";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMembership();
  const { workspace, user, role } = member;
  const isOwner = can(member, "team.manage-members");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = membersQuerySchema.parse(raw);
  const [members, invitations, requests] = await Promise.all([
    listMembersPage(workspace.id, query),
    isOwner ? listInvitations(member) : [],
    isOwner ? listAccessRequests(member) : [],
  ]);
  const href = (change: Partial<MembersQuery>) => {
    const search = new URLSearchParams(
      Object.entries({ ...query, ...change })
        .filter(([k, v]) => v !== "" && !(k === "page" && v === 1))
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return search ? `/team?${search}` : "/team";
  };
  const everyone = Object.values(members.byRole).reduce((a, b) => a + b, 0);
  const filtered = query.q !== "" || query.role !== "";
  return (
    <>
      <PageHeader
        title="Team"
        description={`The people of ${workspace.name} in Listing Studio and what they can do.`}
        actions={
          <Link href="/team/audit" className={buttonVariants({ variant: "secondary" })}>
            Audit log
          </Link>
        }
      />
      <div className="space-y-6">
        {isOwner ? <AccessRequests requests={requests} /> : null}
        <section aria-labelledby="members-heading" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="members-heading" className="text-sm font-medium text-slate-600">
              {plural(everyone, "member", "members")}:{" "}
              {ROLES.map((r) =>
                plural(members.byRole[r] ?? 0, ROLE_LABELS[r].toLowerCase(), `${ROLE_LABELS[r].toLowerCase()}s`),
              ).join(", ")}
            </h2>
            {/* Keyed on the query: a client-side navigation (Reset) shows its own values. */}
            <form
              key={JSON.stringify(query)}
              method="get"
              role="search"
              aria-label="Find members"
              className="flex flex-wrap items-end gap-2"
            >
              <label className="text-xs font-medium text-slate-700">
                Name or email
                <input type="search" name="q" defaultValue={query.q} className={`${inputClass} mt-1 h-9 w-56`} />
              </label>
              <label className="text-xs font-medium text-slate-700">
                Role
                <select name="role" defaultValue={query.role} className={`${inputClass} mt-1 h-9`}>
                  <option value="">Any role</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className={buttonVariants({ variant: "secondary" })}>
                Find
              </button>
              {filtered ? (
                <Link href="/team" className={buttonVariants({ variant: "ghost" })}>
                  Reset
                </Link>
              ) : null}
            </form>
          </div>
          {members.rows.length ? (
            <MembersTable
              members={members.rows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
              me={user.id}
              isOwner={isOwner}
            />
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
              No member matches these filters.
            </p>
          )}
          <Pager
            page={query.page}
            pages={members.pages}
            href={(page) => href({ page })}
            total={filtered ? plural(members.total, "match", "matches") : undefined}
          />
        </section>
        {isOwner ? (
          <Invitations invitations={invitations} origin={env().AUTH_URL} />
        ) : (
          <p className="text-sm text-slate-500">
            Owners invite people and change roles. Editors work on listings, previews, share links, reviews, syncs and
            imports; viewers read.
          </p>
        )}
      </div>
    </>
  );
}
