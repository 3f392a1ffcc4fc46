import Link from "next/link";
import type { CrmCustomerView } from "@/lib/crm/types";
import { CrmPushList } from "./push-list";

/** What the partner's own Pipedrive holds for this company, with links into it, and the pushes. */
export function CrmCustomerPanel({ view, canPush }: { view: CrmCustomerView; canPush: boolean }) {
  return (
    <section aria-labelledby="crm-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="crm-heading" className="text-base font-semibold text-slate-900">
        In your Pipedrive
      </h2>
      {!view.connected ? (
        <p className="text-sm text-slate-600">
          Connect your own Pipedrive in{" "}
          <Link href="/settings#crm" className="text-brand-700 hover:underline">
            Settings
          </Link>{" "}
          to get every installing company there as an organization, a person and a deal.
        </p>
      ) : (
        <>
          {view.org ? (
            <ul className="space-y-1 text-sm" data-testid="crm-links">
              <li>
                <a
                  className="text-brand-700 hover:underline"
                  href={`${view.apiDomain}/organization/${view.org}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  Organization #{view.org}
                </a>
              </li>
              {view.people.map((p) => (
                <li key={p.key}>
                  <a
                    className="text-brand-700 hover:underline"
                    href={`${view.apiDomain}/person/${p.remoteId}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    Person #{p.remoteId}
                  </a>
                </li>
              ))}
              {view.deals.map((d) => (
                <li key={`${d.kind}${d.remoteId}`}>
                  <a
                    className="text-brand-700 hover:underline"
                    href={`${view.apiDomain}/${d.kind === "DEAL" ? "deal" : "leads/inbox"}/${d.remoteId}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {d.kind === "DEAL" ? "Deal" : "Lead"} for {d.appName}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Nothing pushed yet.</p>
          )}
          <CrmPushList pushes={view.pushes} canPush={canPush} showCompany={false} />
        </>
      )}
    </section>
  );
}
