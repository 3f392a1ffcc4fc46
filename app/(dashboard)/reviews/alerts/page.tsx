import type { Metadata } from "next";
import { TestEmail } from "@/components/notifications/test-email";
import { Webhooks } from "@/components/reviews/webhooks";
import { requireMembership } from "@/lib/authz";
import { recentAlerts } from "@/lib/alerts/alerts";
import { listRules, ruleApps } from "@/lib/alerts/rules";
import { AlertRules } from "@/components/reviews/alert-rules";
import { env } from "@/lib/server/env";
import { deliveryLog, listWebhooks } from "@/lib/alerts/webhooks";
import { can } from "@/lib/team/permissions";
import { UTC_TIME as WHEN } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const member = await requireMembership();
  const isOwner = can(member, "webhook.manage");
  const [rules, hooks, deliveries, alerts, apps] = await Promise.all([
    listRules(member),
    listWebhooks(member),
    isOwner ? deliveryLog(member) : Promise.resolve([]),
    recentAlerts(member),
    ruleApps(member),
  ]);
  return (
    <div className="space-y-6">
      <AlertRules
        rules={rules}
        apps={apps}
        hooks={hooks.map((h) => ({ id: h.id, name: h.name, format: h.format }))}
        canEdit={can(member, "alert-rule.change")}
        emailOn={Boolean(env().SMTP_URL)}
      />
      <section aria-labelledby="email-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="email-heading" className="mb-2 font-semibold text-slate-900">
          Email
        </h2>
        <TestEmail emailOn={Boolean(env().SMTP_URL)} />
      </section>
      <Webhooks hooks={hooks} deliveries={deliveries} isOwner={isOwner} />
      <section aria-labelledby="recent-alerts-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="recent-alerts-heading" className="font-semibold text-slate-900">
          Recent alerts
        </h2>
        {alerts.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            None yet. Syncs raise them when an event matches one of the rules above.
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {alerts.map((a) => (
              <li key={a.id} className="flex justify-between gap-4 py-1.5">
                <span className="text-slate-800">{a.title}</span>
                <time className="shrink-0 text-xs text-slate-500" dateTime={a.createdAt.toISOString()}>
                  {WHEN.format(a.createdAt)} UTC
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
