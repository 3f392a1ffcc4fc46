import type { Metadata } from "next";
import { TemplatesEditor } from "@/components/reviews/templates-editor";
import { requireMembership } from "@/lib/authz";
import { listTemplates } from "@/lib/reviews/inbox";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "Reply templates" };

export default async function TemplatesPage() {
  const member = await requireMembership();
  return <TemplatesEditor templates={await listTemplates(member)} canEdit={can(member, "template.edit")} />;
}
