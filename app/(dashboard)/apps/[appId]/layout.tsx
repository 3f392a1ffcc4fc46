import Link from "next/link";
import { AppIcon } from "@/components/apps/app-card";
import { AppTabs } from "@/components/apps/app-tabs";
import { ClientRejectedNotice } from "@/components/apps/client-rejected-notice";
import { loadApp } from "@/lib/apps/load";
import { APP_TYPE_LABELS } from "@/lib/app-types";
import { can } from "@/lib/team/permissions";

export default async function AppLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ appId: string }>;
}) {
  const { app, member } = await loadApp((await params).appId);
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href="/apps" className="hover:text-slate-900">
          Apps
        </Link>{" "}
        / <span className="text-slate-900">{app.name}</span>
      </nav>
      <div className="mb-6 flex items-center gap-4">
        <AppIcon app={app} size="lg" />
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold text-slate-900">{app.name}</h1>
          <p className="text-sm text-slate-500">
            {APP_TYPE_LABELS[app.type]}
            {app.archived ? " · Archived" : ""}
          </p>
        </div>
      </div>
      {app.clientRejectedAt && !app.archived ? (
        <ClientRejectedNotice
          appId={app.id}
          clientId={app.clientId}
          at={app.clientRejectedAt}
          isOwner={can(member, "app.client-secret")}
        />
      ) : null}
      <AppTabs appId={app.id} type={app.type} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
