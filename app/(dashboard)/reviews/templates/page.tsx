import type { Metadata } from "next";
import { TemplatesEditor } from "@/components/reviews/templates-editor";
import { requireMembership } from "@/lib/authz";
import { listTemplates } from "@/lib/reviews/inbox";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Reply templates" };

export default async function TemplatesPage() {
  const member = await requireMembership();
  return <TemplatesEditor templates={await listTemplates(member)} canEdit={hasRole(member.role, "EDITOR")} />;
}
