import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { CustomerStatusBadge } from "@/components/customers/status-badge";
import { EraseCustomer, NoteForm, TagsForm } from "@/components/customers/customer-forms";
import { CrmCustomerPanel } from "@/components/crm/customer-panel";
import { CustomerEmails } from "@/components/outreach/customer-emails";
import { requireMembership } from "@/lib/authz";
import { getCustomer } from "@/lib/customers/customer";
import { crmCustomerView } from "@/lib/crm/view";
import { customerOutreach } from "@/lib/outreach/report";
import { withOutreach } from "@/lib/outreach/timeline";
import { INSTALL_SOURCE_LABELS } from "@/lib/customers/types";
import { can } from "@/lib/team/permissions";
import { UTC_DAY as DAY, UTC_STAMP as STAMP } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Customer" };

const KIND: Record<string, string> = {
  INSTALL: "Installed",
  REINSTALL: "Reinstalled",
  UNINSTALL: "Uninstalled",
  REAUTHORIZE: "Installed again while installed (re-authorized)",
  REQUEST_SENT: "Asked for a review of",
  SURVEY_SENT: "Sent the uninstall survey of",
  SURVEY_ANSWER: "Told why it uninstalled",
};

type Props = { params: Promise<{ customerId: string }> };

export default async function CustomerPage({ params }: Props) {
  const member = await requireMembership();
  const { customerId } = await params;
  const detail = await getCustomer(member, customerId).catch((error: unknown) => {
    // Another workspace's customer, or none: the not-found page, as for any id that is not yours.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { customer } = detail;
  const [crm, outreach] = await Promise.all([
    crmCustomerView(member, customer.companyId),
    customerOutreach(member.workspace.id, customer.companyId),
  ]);
  const timeline = withOutreach(detail.timeline, outreach);
  const name = customer.companyName ?? `Company ${customer.companyId}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/customers" className="hover:text-slate-900">
          Customers
        </Link>{" "}
        / <bdi className="text-slate-900">{name}</bdi>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold text-slate-900">
            <bdi>{name}</bdi>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Pipedrive company {customer.companyId}
            {customer.companyDomain ? ` · ${customer.companyDomain}.pipedrive.com` : ""}
            {customer.companyName || customer.erasedAt ? "" : " · no name was sent with its installs"}
          </p>
          {customer.erasedAt ? (
            <p className="mt-1 text-sm text-amber-800">
              Personal data erased on {DAY.format(new Date(customer.erasedAt))}.
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <CustomerStatusBadge status={customer.status} />
          {can(member, "customers.erase") && !customer.erasedAt ? (
            <EraseCustomer customerId={customer.id} companyId={customer.companyId} />
          ) : null}
        </div>
      </header>

      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">First install</dt>
          <dd className="font-medium text-slate-900">
            {customer.firstInstalledAt ? DAY.format(new Date(customer.firstInstalledAt)) : "Before tracking"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{customer.status === "UNINSTALLED" ? "Last tenure" : "Tenure"}</dt>
          <dd className="font-medium text-slate-900">
            {customer.tenureDays === null ? "Unknown" : `${customer.tenureDays} days`}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Reinstalls</dt>
          <dd className="font-medium text-slate-900">{customer.reinstalls}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Active installations</dt>
          <dd className="font-medium text-slate-900">{customer.activeInstalls}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section aria-labelledby="apps-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="apps-heading" className="text-base font-semibold text-slate-900">
              Apps and people
            </h2>
            <ul className="mt-3 divide-y divide-slate-100">
              {detail.people.map((p) => (
                <li key={`${p.appId}:${p.userId}`} className="py-2 text-sm" data-testid="customer-person">
                  <span className="font-medium text-slate-900">
                    {p.userName ? <bdi>{p.userName}</bdi> : customer.erasedAt ? "Erased" : `User ${p.userId}`}
                  </span>
                  {p.userEmail ? (
                    <span className="text-slate-600">
                      {" "}
                      · <bdi>{p.userEmail}</bdi>
                    </span>
                  ) : null}
                  <span className="block text-xs text-slate-500">
                    {p.appName} ·{" "}
                    {p.uninstalledAt ? `uninstalled ${DAY.format(new Date(p.uninstalledAt))}` : "installed"} ·{" "}
                    {INSTALL_SOURCE_LABELS[p.source] ?? p.source}
                  </span>
                  <span className="block text-xs break-words text-slate-500">
                    Scopes granted: {p.scopes || "none recorded"}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="timeline-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
              Timeline
            </h2>
            <ol className="mt-3 space-y-2" data-testid="customer-timeline">
              {timeline.map((t, i) => (
                <li key={i} className="grid grid-cols-[8.5rem_1fr] gap-3 text-sm">
                  <time dateTime={t.at} className="text-slate-500">
                    {STAMP.format(new Date(t.at))}
                  </time>
                  <span>
                    <strong className="font-medium text-slate-900">{KIND[t.kind]}</strong> {t.appName}
                    {t.detail ? (
                      <span className="block text-slate-700" data-testid="timeline-answer">
                        {t.detail.reason ?? "In their own words"}
                        {t.detail.text ? (
                          <span className="block break-words whitespace-pre-wrap text-slate-600">
                            <bdi>{t.detail.text}</bdi>
                          </span>
                        ) : null}
                      </span>
                    ) : t.source === "OUTREACH" ? (
                      <span className="block text-xs text-slate-500">Email</span>
                    ) : (
                      <span className="block text-xs text-slate-500">
                        {t.userName ? <bdi>{t.userName}</bdi> : t.userId !== null ? `User ${t.userId}` : "A user"} ·{" "}
                        {INSTALL_SOURCE_LABELS[t.source] ?? t.source}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
            {detail.timelineTruncated ? (
              <p className="mt-2 text-xs text-slate-500">
                Only the most recent installs and uninstalls of each app are kept here (200 per app).
              </p>
            ) : null}
          </section>

          <section aria-labelledby="reviews-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="reviews-heading" className="text-base font-semibold text-slate-900">
              Reviews probably by this customer
            </h2>
            {detail.reviews.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">
                None found. A review is matched when its author&apos;s name is one of this company&apos;s installing
                users, on an app it installed.
              </p>
            ) : (
              <ul className="mt-3 space-y-3">
                {detail.reviews.map((r) => (
                  <li key={r.id} className="text-sm" data-testid="probable-review">
                    <span className="font-medium text-slate-900">
                      {r.stars} of 5 · <bdi>{r.author}</bdi>
                    </span>{" "}
                    <span className="text-xs text-slate-500">
                      probably · {r.appName}
                      {r.reviewedAt ? ` · ${DAY.format(new Date(r.reviewedAt))}` : ""}
                    </span>
                    <p className="mt-1 line-clamp-3 break-words text-slate-700">
                      <bdi>{r.text}</bdi>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="space-y-6">
          <CrmCustomerPanel view={crm} canPush={can(member, "crm.push")} />
          <CustomerEmails emails={outreach} />
          <section
            aria-labelledby="notes-heading"
            className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
          >
            <h2 id="notes-heading" className="text-base font-semibold text-slate-900">
              Notes and tags
            </h2>
            {can(member, "customers.annotate") ? (
              <>
                <TagsForm customerId={customer.id} tags={customer.tags} />
                <NoteForm customerId={customer.id} />
              </>
            ) : customer.tags.length ? (
              <p className="text-sm text-slate-700">Tags: {customer.tags.join(", ")}</p>
            ) : null}
            <ul className="space-y-3" data-testid="customer-notes">
              {detail.notes.map((n) => (
                <li key={n.id} className="text-sm">
                  <p className="break-words whitespace-pre-wrap text-slate-800">{n.body}</p>
                  <p className="text-xs text-slate-500">
                    {n.authorName} · {STAMP.format(new Date(n.createdAt))}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
