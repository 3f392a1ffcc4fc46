import type { Metadata } from "next";
import { DetailRow } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { ApiTokens } from "@/components/settings/api-tokens";
import { TimeZoneForm } from "@/components/settings/time-zone";
import { workspaceTimeZone } from "@/lib/analytics/timezone";
import { listApiTokens } from "@/lib/api-tokens/service";
import { requireMembership } from "@/lib/authz";
import { ROLE_LABELS } from "@/lib/team/roles";
import { can } from "@/lib/team/permissions";
import { CrmSettings } from "@/components/crm/crm-settings";
import { CONNECT_ERRORS, type ConnectError } from "@/lib/crm/connection";
import { crmSettingsView } from "@/lib/crm/view";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  const member = await requireMembership();
  const query = await searchParams;
  const crm = await crmSettingsView(member);
  const failure = typeof query.crm_error === "string" ? query.crm_error : null;
  const flash =
    query.crm === "connected"
      ? { ok: true, message: "Your Pipedrive is connected." }
      : failure && failure in CONNECT_ERRORS
        ? { ok: false, message: CONNECT_ERRORS[failure as ConnectError] }
        : null;
  const { workspace, role, user } = member;
  const tokens = await listApiTokens(member);
  const timeZone = await workspaceTimeZone(member);
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return (
    <>
      <PageHeader title="Settings" description="Your workspace and your account." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="workspace-heading" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="workspace-heading" className="font-semibold text-slate-900">
            Workspace
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            A workspace is one Pipedrive company; its name follows Pipedrive.
          </p>
          <dl className="mt-4 divide-y divide-slate-100">
            <DetailRow label="Name" value={workspace.name} />
            <DetailRow label="Pipedrive company ID" value={workspace.pipedriveCompanyId} />
            <DetailRow label="Pipedrive domain" value={workspace.domain ? `${workspace.domain}.pipedrive.com` : "—"} />
          </dl>
          <TimeZoneForm current={timeZone} zones={zones} isOwner={can({ role }, "workspace.time-zone")} />
        </section>
        <section aria-labelledby="account-heading" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="account-heading" className="font-semibold text-slate-900">
            Your account
          </h2>
          <p className="mt-1 text-sm text-slate-600">Taken from your Pipedrive profile at each sign-in.</p>
          <dl className="mt-4 divide-y divide-slate-100">
            <DetailRow label="Name" value={user.name} />
            <DetailRow label="Email" value={user.email ?? "—"} />
            <DetailRow label="Role" value={ROLE_LABELS[role]} />
          </dl>
        </section>
        <ApiTokens tokens={tokens} isOwner={can({ role }, "api-token.create")} />
        <CrmSettings
          configured={crm.configured}
          connection={crm.connection}
          canConnect={can({ role }, "crm.connect")}
          canPush={can({ role }, "crm.push")}
          flash={flash}
        />
      </div>
    </>
  );
}
