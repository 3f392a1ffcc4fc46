import type { Metadata } from "next";
import { DetailRow } from "@/components/ui/detail-list";
import { ClientIdForm, ClientSecretForm } from "@/components/apps/client-secret-form";
import { DangerZone } from "@/components/apps/danger-zone";
import { GatewaySettingsPanel } from "@/components/apps/gateway-settings";
import { MarketplacePageForm } from "@/components/apps/marketplace-page-form";
import { checkListingPageAction, updateListingUrlAction } from "@/lib/actions/marketplace-page";
import { marketplacePage } from "@/lib/sync/listing-url-setting";
import Link from "next/link";
import { listDeliveries } from "@/lib/gateway/deliveries";
import { publicUrl } from "@/lib/gateway/keys";
import { gatewaySettings } from "@/lib/gateway/settings";
import { APP_TYPE_LABELS, hasFeature } from "@/lib/app-types";
import { APP_STATUS_LABELS } from "@/lib/apps/schema";
import { loadApp } from "@/lib/apps/load";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "App settings" };

/** A URL of the listing, marked when it is the install gateway's. */
function ListingUrl({ value, gateway }: { value: string; gateway: boolean }) {
  return (
    <span className="break-all">
      {value}
      {gateway ? (
        <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-emerald-800">
          install gateway
        </span>
      ) : null}
    </span>
  );
}

/** An API-token integration has no callback for the gateway: its installs come through the events API. */
function EventsApiPanel({ appId }: { appId: string }) {
  return (
    <section aria-labelledby="events-api" className="rounded-xl border border-slate-200 bg-white p-6 lg:col-span-2">
      <h2 id="events-api" className="font-semibold text-slate-900">
        Install tracking
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A company connects this integration by pasting a Pipedrive API token into your product, so Pipedrive tells
        nobody about it. Have your backend send each connection and disconnection to the events API, with a workspace
        API token from{" "}
        <Link href="/settings#api-tokens" className="font-medium text-brand-700 underline">
          Settings
        </Link>
        :
      </p>
      <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">
        {`POST ${publicUrl(`/api/v1/apps/${appId}/events`)}
Authorization: Bearer <workspace API token>
Content-Type: application/json

{"events": [{"id": "evt-1", "type": "install", "company_id": 123,
  "user_id": 456, "occurred_at": "2026-11-28T10:00:00Z"}]}`}
      </pre>
      <p className="mt-2 text-xs text-slate-500">
        Types for this integration: <code>install</code> and <code>uninstall</code>. Past installs can be imported from
        a CSV on the Installs tab.
      </p>
    </section>
  );
}

export default async function AppSettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const oauth = hasFeature(app.type, "oauth");
  const [gateway, deliveries, page] = await Promise.all([
    oauth ? gatewaySettings(member, app.id) : null,
    oauth ? listDeliveries(member, app.id) : null,
    hasFeature(app.type, "marketplace") ? marketplacePage(member, app.id) : null,
  ]);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      {gateway && deliveries ? (
        <GatewaySettingsPanel
          appId={app.id}
          settings={gateway}
          deliveries={deliveries}
          isOwner={can(member, "gateway.settings")}
          canEdit={can(member, "gateway.retry-delivery")}
        />
      ) : (
        <EventsApiPanel appId={app.id} />
      )}
      {page ? (
        <section
          id="listing-url"
          aria-labelledby="listing-url-heading"
          className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-6 lg:col-span-2"
        >
          <h2 id="listing-url-heading" className="font-semibold text-slate-900">
            Marketplace page
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Where the sync reads the app&apos;s rating, reviews, installs and votes
            {app.status === "PUBLISHED" ? "" : " once the app is published"}.
          </p>
          <MarketplacePageForm
            appId={app.id}
            clientId={app.clientId}
            settings={page}
            canEdit={can(member, "sync.listing-url")}
            save={updateListingUrlAction}
            check={checkListingPageAction}
          />
        </section>
      ) : null}
      <section aria-labelledby="details" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="details" className="font-semibold text-slate-900">
          {oauth ? "Pipedrive app" : "Integration"}
        </h2>
        <dl className="mt-2 divide-y divide-slate-100">
          <DetailRow label="Type" value={`${APP_TYPE_LABELS[app.type]} (fixed at creation)`} />
          <DetailRow label="Status" value={APP_STATUS_LABELS[app.status] ?? app.status} />
          {gateway ? (
            <>
              <DetailRow
                label="Client ID"
                value={app.clientId ? <code>{app.clientId}</code> : <a href="#client">Not added yet</a>}
              />
              <DetailRow
                label="Callback URL"
                value={<ListingUrl value={app.callbackUrl} gateway={gateway.inListing.callbackUrl} />}
              />
              <DetailRow
                label="Installation URL"
                value={
                  app.installationUrl ? (
                    <ListingUrl value={app.installationUrl} gateway={gateway.inListing.installationUrl} />
                  ) : (
                    "—"
                  )
                }
              />
            </>
          ) : (
            <DetailRow label="App id (events API)" value={<code>{app.id}</code>} />
          )}
        </dl>
      </section>
      <div className="space-y-6">
        {oauth ? (
          <section
            id="client"
            aria-labelledby="secret"
            className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-6"
          >
            <h2 id="secret" className="mb-3 font-semibold text-slate-900">
              Client ID and client secret
            </h2>
            {app.clientId ? null : (
              <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="no-client-id">
                The listing can be drafted without it. Add the client ID once the app exists in Developer Hub: the
                install gateway, the Marketplace sync, the hand-off and the submission need it.
              </p>
            )}
            {can(member, "app.client-secret") ? (
              <div className="space-y-3">
                <ClientIdForm appId={app.id} clientId={app.clientId} />
                <ClientSecretForm appId={app.id} isSet={app.hasClientSecret} />
              </div>
            ) : (
              <p className="text-sm">
                Client secret:{" "}
                <strong data-testid="client-secret-state">{app.hasClientSecret ? "set" : "not set"}</strong>. Only an
                owner can change it.
              </p>
            )}
          </section>
        ) : null}
        {can(member, "app.archive") ? (
          <section aria-labelledby="danger" className="rounded-xl border border-red-200 bg-white p-6">
            <h2 id="danger" className="mb-3 font-semibold text-red-700">
              Archive or delete
            </h2>
            <DangerZone appId={app.id} name={app.name} archived={app.archived} canDelete={can(member, "app.delete")} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
