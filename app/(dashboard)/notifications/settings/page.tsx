import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/authz";
import { preferences } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const member = await requireMembership();
  const prefs = await preferences(member);
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Choose what you hear about, in the app and by email. Alerts are emailed at once; everything else arrives in one daily digest."
        actions={
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            ← Notifications
          </Link>
        }
      />
      {!prefs.emailOn ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          data-testid="email-off"
        >
          Email is off on this server (no SMTP server is configured): notifications show in the app only.
        </p>
      ) : !prefs.address ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          Your Pipedrive profile has no email address, so nothing can be emailed to you.
        </p>
      ) : (
        <p className="mb-4 text-sm text-slate-600">
          Emails go to <strong>{prefs.address}</strong>, your Pipedrive address. Each one has a link to stop that kind.
        </p>
      )}
      <PreferencesForm kinds={prefs.kinds} emailOn={prefs.emailOn && Boolean(prefs.address)} />
    </>
  );
}
