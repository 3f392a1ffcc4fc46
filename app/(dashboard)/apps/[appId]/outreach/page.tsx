import type { Metadata } from "next";
import { ReasonsReport, RequestFunnel } from "@/components/outreach/outreach-report";
import { RequestSettingsForm } from "@/components/outreach/request-settings-form";
import { ReviewLink } from "@/components/outreach/review-link";
import { SurveySettingsForm } from "@/components/outreach/survey-settings-form";
import { hasFeature } from "@/lib/app-types";
import { loadApp } from "@/lib/apps/load";
import { outreachReport } from "@/lib/outreach/report";
import { getOutreachSettings } from "@/lib/outreach/settings";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "Reviews & reasons" };

type Props = { params: Promise<{ appId: string }> };

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function OutreachPage({ params }: Props) {
  const { app, member } = await loadApp((await params).appId);
  const [settings, report] = await Promise.all([getOutreachSettings(member, app.id), outreachReport(member, app.id)]);
  const canEdit = can(member, "outreach.edit");
  const reviews = hasFeature(app.type, "marketplace");
  return (
    <div className="space-y-6">
      {reviews ? <RequestFunnel report={report} /> : null}
      <ReasonsReport report={report} appId={app.id} />
      {!settings.emailOn ? (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Email is off: the operator has not set SMTP_URL, so no review request or survey is sent.
          {reviews
            ? " You can still ask for reviews with the review link below, in your product or your own emails."
            : ""}
        </p>
      ) : null}
      {reviews ? (
        <Panel id="link" title="Review link">
          <p className="text-sm text-slate-600">
            Put it in your product (an in-app message, an onboarding email): it opens the listing&apos;s reviews on the
            Marketplace and counts opens, with no cookie and nothing about the person.
          </p>
          <ReviewLink url={settings.reviewLink} />
        </Panel>
      ) : null}
      {reviews ? (
        <Panel id="requests" title="Review requests">
          <RequestSettingsForm settings={settings} canEdit={canEdit} />
        </Panel>
      ) : null}
      <Panel id="survey" title="Uninstall survey">
        <SurveySettingsForm settings={settings} canEdit={canEdit} />
      </Panel>
    </div>
  );
}
