import type { Metadata } from "next";
import Link from "next/link";
import { AccessRequests, Invitations } from "@/components/team/invitations";
import { MembersTable } from "@/components/team/members-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { env } from "@/lib/env";
import { listAccessRequests, listInvitations } from "@/lib/team/invitations";
import { hasRole } from "@/lib/team/roles";
import { listMembers } from "@/lib/team/workspace";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requireMembership();
  const { workspace, user, role } = member;
  const isOwner = hasRole(role, "OWNER");
  const [members, invitations, requests] = await Promise.all([listMembers(workspace.id), isOwner ? listInvitations(member) : [], isOwner ? listAccessRequests(member) : []]);
  return (
    <>
      <PageHeader
        title="Team"
        description={`The people of ${workspace.name} in Listing Studio and what they can do.`}
        actions={<Link href="/team/audit" className={buttonVariants({ variant: "secondary" })}>Audit log</Link>}
      />
      <div className="space-y-6">
        {isOwner ? <AccessRequests requests={requests} /> : null}
        <MembersTable members={members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))} me={user.id} isOwner={isOwner} />
        {isOwner ? <Invitations invitations={invitations} origin={env().AUTH_URL} /> : <p className="text-sm text-slate-500">Owners invite people and change roles. Editors work on listings, previews, share links, reviews, syncs and imports; viewers read.</p>}
      </div>
    </>
  );
}
