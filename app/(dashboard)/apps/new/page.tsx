import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewAppForm } from "@/components/apps/new-app-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "New app" };

export default async function NewAppPage() {
  const { role } = await requireMembership();
  if (!can({ role }, "app.create")) redirect("/apps");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="New app" description="Add an app you have registered in Pipedrive's Developer Hub." />
      <NewAppForm />
    </div>
  );
}
