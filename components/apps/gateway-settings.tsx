"use client";

import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Check, Copy } from "lucide-react";
import { toast } from "@/components/ui/toast";
import {
  retryDeliveryAction,
  revealSigningSecretAction,
  updateGatewayAction,
  putGatewayInListingAction,
} from "@/lib/actions/gateway";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { copyLabel, useCopy } from "@/components/ui/use-copy";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { GatewaySettingsInput } from "@/lib/gateway/schema";
import type { DeliveryView, GatewaySettings } from "@/lib/gateway/types";
import { plural } from "@/lib/text/words";
import { UTC_TIME as STAMP } from "@/lib/text/dates";

const gatewayResolver = lazyZodResolver<GatewaySettingsInput>(() =>
  import("@/lib/gateway/schema").then((m) => m.gatewaySettingsSchema),
);

function CopyField({ id, label, value, help }: { id: string; label: string; value: string; help: string }) {
  const { state, copy } = useCopy();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field id={id} label={label} help={help}>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          className={`${inputClass} min-w-0 font-mono`}
          onFocus={(e) => e.currentTarget.select()}
          {...describedBy(id, { help: true })}
        />
        <Button
          type="button"
          variant="secondary"
          aria-label={`Copy ${label}`}
          onClick={async () => {
            // When the browser refuses the clipboard, the address is selected for the person to copy.
            if (!(await copy(value))) input.current?.select();
          }}
        >
          {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
          <span aria-live="polite">{copyLabel(state)}</span>
        </Button>
      </div>
    </Field>
  );
}

export function GatewaySettingsPanel({
  appId,
  settings,
  deliveries,
  isOwner,
  canEdit,
}: {
  appId: string;
  settings: GatewaySettings;
  deliveries: { counts: { pending: number; failed: number; delivered: number }; items: DeliveryView[] };
  isOwner: boolean;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const inListing = settings.inListing.callbackUrl && settings.inListing.installationUrl;
  const form = useForm<GatewaySettingsInput>({
    resolver: gatewayResolver,
    defaultValues: {
      handoffMode: settings.handoffMode,
      handoffUrl: settings.handoffUrl,
      onboardingUrl: settings.onboardingUrl,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const mode = useWatch({ control: form.control, name: "handoffMode" });

  return (
    <section
      aria-labelledby="gateway-heading"
      className="rounded-xl border border-slate-200 bg-white p-6 lg:col-span-2"
    >
      <h2 id="gateway-heading" className="font-semibold text-slate-900">
        Install gateway
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Paste these two URLs into your app in Pipedrive&apos;s Developer Hub. Every install, cancel and uninstall then
        passes through Listing Studio, which counts it and hands over to your backend.
      </p>
      {!settings.hasClientSecret ? (
        <p
          role="status"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Set the client secret first: the gateway needs it to finish installs and to check Pipedrive&apos;s uninstall
          calls.
        </p>
      ) : null}
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <CopyField
          id="gateway-installation-url"
          label="Installation URL"
          value={settings.installationUrl}
          help="Developer Hub → Basic info → Installation URL (optional there)."
        />
        <CopyField
          id="gateway-callback-url"
          label="Callback URL"
          value={settings.callbackUrl}
          help="Developer Hub → Basic info → Callback URL. Uninstalls arrive here too."
        />
      </div>
      <div
        className={`mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${inListing ? "bg-emerald-50 text-emerald-950" : "bg-slate-50 text-slate-700"}`}
        data-testid="gateway-in-listing"
      >
        <p role="status">
          {inListing
            ? "The listing uses these two URLs."
            : settings.inListing.callbackUrl || settings.inListing.installationUrl
              ? `The listing uses the gateway's ${settings.inListing.callbackUrl ? "Callback URL" : "Installation URL"} only.`
              : "The listing still has your app's own Callback and Installation URLs."}{" "}
          The Callback URL is a critical field: once the app is approved, changing it means another review by Pipedrive.
        </p>
        {canEdit && !inListing ? (
          <Button
            type="button"
            size="sm"
            variant="secondary"
            onClick={async () => {
              const result = await putGatewayInListingAction(appId);
              if (!result.ok) return void toast.error(result.error.message);
              toast.success("The listing now uses the gateway's URLs");
              router.refresh();
            }}
          >
            Use them in the listing
          </Button>
        ) : null}
      </div>

      <form
        noValidate
        className="mt-6 space-y-4 border-t border-slate-100 pt-5"
        onSubmit={form.handleSubmit(async (values) => {
          const result = await updateGatewayAction(appId, values);
          if (!result.ok) {
            for (const [name, message] of Object.entries(result.error.fields ?? {}))
              form.setError(name as keyof GatewaySettingsInput, { message });
            if (!result.error.fields) toast.error(result.error.message);
            return;
          }
          toast.success("Gateway settings saved");
          router.refresh();
        })}
      >
        <fieldset disabled={!isOwner}>
          <legend className="text-sm font-medium text-slate-800">After an install, the tokens</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 md:grid-cols-2">
            <label className="flex gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" value="RECORD_ONLY" {...form.register("handoffMode")} />
              <span>
                <strong className="block text-slate-900">Are discarded (record only)</strong>Listing Studio counts the
                install; your app gets its own tokens another way.
              </span>
            </label>
            <label className="flex gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" value="FORWARD" {...form.register("handoffMode")} />
              <span>
                <strong className="block text-slate-900">Are forwarded to your backend</strong>POSTed once, signed,
                retried until delivered. Listing Studio keeps none.
              </span>
            </label>
          </div>
        </fieldset>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field
            id="handoffUrl"
            label="Your backend's handoff URL"
            error={errors.handoffUrl?.message}
            help={
              mode === "FORWARD"
                ? "Receives installs and uninstalls as signed JSON."
                : "Also receives uninstall relays when forwarding."
            }
          >
            <input
              id="handoffUrl"
              type="url"
              disabled={!isOwner}
              className={inputClass}
              placeholder="https://api.example.com/pipedrive/handoff"
              {...describedBy("handoffUrl", { error: errors.handoffUrl?.message, help: true })}
              {...form.register("handoffUrl")}
            />
          </Field>
          <Field
            id="onboardingUrl"
            label="Onboarding URL"
            error={errors.onboardingUrl?.message}
            help="Where people land after installing."
          >
            <input
              id="onboardingUrl"
              type="url"
              disabled={!isOwner}
              className={inputClass}
              placeholder="https://app.example.com/welcome"
              {...describedBy("onboardingUrl", { error: errors.onboardingUrl?.message, help: true })}
              {...form.register("onboardingUrl")}
            />
          </Field>
        </div>
        {isOwner ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={isSubmitting}>
              Save gateway settings
            </Button>
            {secret ? (
              <code className="rounded bg-slate-100 px-2 py-1 text-xs" data-testid="signing-secret">
                {secret}
              </code>
            ) : (
              <Button
                type="button"
                variant="secondary"
                onClick={async () => {
                  const result = await revealSigningSecretAction(appId);
                  if (result.ok) setSecret(result.data);
                  else toast.error(result.error.message);
                }}
              >
                Show signing secret
              </Button>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-500">Only an owner can change where tokens go.</p>
        )}
        <p className="text-xs text-slate-500">
          Deliveries carry <code>X-Listing-Studio-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where v1 is
          HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> with the signing secret.
        </p>
      </form>

      <div className="mt-6 border-t border-slate-100 pt-5">
        <h3 className="text-sm font-semibold text-slate-900">Deliveries to your backend</h3>
        <p className="mt-1 text-sm text-slate-600" data-testid="delivery-counts">
          {deliveries.counts.delivered} delivered · {deliveries.counts.pending} waiting · {deliveries.counts.failed}{" "}
          failed
        </p>
        {deliveries.items.length > 0 ? (
          <ul className="mt-3 divide-y divide-slate-100" aria-label="Waiting and failed deliveries">
            {deliveries.items.map((d) => (
              <li
                key={d.id}
                className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
                data-testid="delivery-row"
              >
                <div>
                  <span className="font-medium text-slate-900">
                    {d.kind === "HANDOFF" ? "Install handoff" : "Uninstall relay"}
                  </span>
                  <span
                    className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium ${d.status === "FAILED" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`}
                  >
                    {d.status.toLowerCase()}
                  </span>
                  <p className="text-xs text-slate-500">
                    {STAMP.format(new Date(d.createdAt))} UTC · {plural(d.attempts, "attempt", "attempts")}
                    {d.lastError ? ` · last: ${d.lastError}` : ""}
                  </p>
                </div>
                {canEdit && d.status !== "SENDING" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={async () => {
                      const result = await retryDeliveryAction(appId, d.id);
                      if (!result.ok) return void toast.error(result.error.message);
                      toast.success("It will be sent again in a moment");
                      router.refresh();
                    }}
                  >
                    Retry now
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
