import { PageHeader } from "@/components/ui/page-header";
import { SectionTabs } from "@/components/ui/section-tabs";
import { SyncButton } from "@/components/reviews/sync-button";
import { requireMembership } from "@/lib/authz";
import { runningRun } from "@/lib/sync/runs";
import { can } from "@/lib/team/permissions";

export default async function ReviewsLayout({ children }: { children: React.ReactNode }) {
  const { workspace, role } = await requireMembership();
  const running = await runningRun(workspace.id);
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Ratings and reviews of your published apps, read from their Marketplace pages, in one inbox."
        actions={can({ role }, "sync.start") ? <SyncButton runningId={running?.id ?? null} /> : null}
      />
      <div className="space-y-6">
        <SectionTabs
          label="Reviews sections"
          tabs={[
            { href: "/reviews", label: "Inbox" },
            { href: "/reviews/sync", label: "Sync history" },
            { href: "/reviews/templates", label: "Reply templates" },
            { href: "/reviews/alerts", label: "Alerts" },
          ]}
        />
        {children}
      </div>
    </>
  );
}
