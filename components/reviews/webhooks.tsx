"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import {
  createWebhookAction,
  deleteWebhookAction,
  resendDeliveryAction,
  sendTestAlertAction,
  setWebhookEnabledAction,
} from "@/lib/actions/reviews";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ALERT_LABELS, ALERT_TYPES } from "@/lib/alerts/payload";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { webhookSchema } from "@/lib/alerts/schema";
import type { DeliveryLogEntry } from "@/lib/alerts/types";
import { cn } from "@/components/ui/cn";
import { ShownOnce } from "@/components/ui/shown-once";
import { UTC_TIME_SECONDS as WHEN } from "@/lib/text/dates";

const webhookResolver = lazyZodResolver<Input>(() => import("@/lib/alerts/schema").then((m) => m.webhookSchema));

type Hook = { id: string; name: string; url: string; format: string; events: string[]; enabled: boolean };
type Input = z.input<typeof webhookSchema>;

const STATUS: Record<string, string> = {
  PENDING: "Waiting",
  SENDING: "Sending",
  DELIVERED: "Delivered",
  FAILED: "Failed",
};

function NewWebhook() {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<Input>({
    resolver: webhookResolver,
    mode: "onTouched",
    defaultValues: { name: "", url: "", format: "SLACK", events: [...ALERT_TYPES] },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createWebhookAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof Input, { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    setSecret(result.data.secret);
    form.reset();
    router.refresh();
  });
  return (
    <section aria-labelledby="new-webhook-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="new-webhook-heading" className="mb-3 font-semibold text-slate-900">
        New webhook
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <Field id="webhook-name" label="Name" required error={errors.name?.message}>
          <input
            id="webhook-name"
            className={inputClass}
            placeholder="#reviews on Slack"
            {...describedBy("webhook-name", { error: errors.name?.message })}
            {...form.register("name")}
          />
        </Field>
        <Field id="webhook-url" label="URL" required error={errors.url?.message}>
          <input
            id="webhook-url"
            type="url"
            inputMode="url"
            className={inputClass}
            placeholder="https://hooks.slack.com/services/…"
            {...describedBy("webhook-url", { error: errors.url?.message })}
            {...form.register("url")}
          />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Payload</legend>
          <div className="mt-1 flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="SLACK" {...form.register("format")} /> Slack message
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="JSON" {...form.register("format")} /> Generic JSON
            </label>
          </div>
        </fieldset>
        <fieldset aria-describedby={errors.events ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">
            Receives (from rules sending to every webhook listening)
          </legend>
          <div className="mt-1 space-y-1 text-sm">
            {ALERT_TYPES.map((t) => (
              <label key={t} className="flex items-center gap-2">
                <input type="checkbox" value={t} {...form.register("events")} /> {ALERT_LABELS[t]}
              </label>
            ))}
          </div>
          {errors.events ? (
            <p id="webhook-events-error" role="alert" className="mt-1 text-sm text-red-600">
              {errors.events.message}
            </p>
          ) : null}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting}>
            Add webhook
          </Button>
        </div>
      </form>
      {secret ? <ShownOnce what="signing secret" label="Webhook signing secret" value={secret} /> : null}
    </section>
  );
}

export function Webhooks({
  hooks,
  deliveries,
  isOwner,
}: {
  hooks: Hook[];
  deliveries: DeliveryLogEntry[];
  isOwner: boolean;
}) {
  const router = useRouter();
  const run = async (promise: Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const result = await promise;
    if (!result.ok) return void toast.error(result.error?.message ?? "Failed");
    toast.success(done);
    router.refresh();
  };
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_24rem]">
        <section aria-labelledby="webhooks-heading" className="space-y-3">
          <h2 id="webhooks-heading" className="text-sm font-medium text-slate-600">
            Webhooks
          </h2>
          <p className="text-sm text-slate-600">
            Every delivery carries <code>X-Listing-Studio-Signature: t=&lt;unix time&gt;,v1=&lt;hex&gt;</code>, an
            HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> with the webhook&apos;s secret. Failed deliveries are
            retried with backoff.
          </p>
          {hooks.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
              No webhook yet: alerts reach people in the app and by email only.
            </p>
          ) : null}
          <ul className="space-y-3">
            {hooks.map((h) => (
              <li key={h.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="webhook-row">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <h3 className="font-medium text-slate-900">
                      {h.name}{" "}
                      <span className="text-xs font-normal text-slate-500">
                        {h.format === "SLACK" ? "Slack" : "JSON"}
                        {h.enabled ? "" : " · paused"}
                      </span>
                    </h3>
                    <p className="truncate text-xs text-slate-500">{h.url}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {h.events.map((e) => ALERT_LABELS[e as keyof typeof ALERT_LABELS] ?? e).join(" · ")}
                    </p>
                  </div>
                  {isOwner ? (
                    <span className="flex flex-wrap gap-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => run(sendTestAlertAction(h.id), "Test alert queued")}
                      >
                        Send test
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() =>
                          run(
                            setWebhookEnabledAction(h.id, !h.enabled),
                            h.enabled ? "Webhook paused" : "Webhook resumed",
                          )
                        }
                      >
                        {h.enabled ? "Pause" : "Resume"}
                      </Button>
                      <ConfirmAction
                        label="Delete"
                        target={h.name}
                        description="Its deliveries and their log are deleted too."
                        confirmLabel="Delete webhook"
                        done="Webhook deleted"
                        run={() => deleteWebhookAction(h.id)}
                      />
                    </span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
        {isOwner ? <NewWebhook /> : <p className="text-sm text-slate-500">Only an owner can add or change webhooks.</p>}
      </div>

      <section aria-labelledby="deliveries-heading" className="space-y-3">
        <h2 id="deliveries-heading" className="text-sm font-medium text-slate-600">
          Webhook delivery log
        </h2>
        {deliveries.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            No webhook delivery yet. Alerts in the app and by email are under Recent alerts.
          </p>
        ) : (
          <ul className="space-y-2">
            {deliveries.map((d) => (
              <li
                key={d.id}
                className="rounded-xl border border-slate-200 bg-white p-3 text-sm"
                data-testid="delivery-row"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-medium text-slate-900">{d.title}</p>
                    <p className="text-xs text-slate-500">
                      To {d.webhook} · queued {WHEN.format(new Date(d.createdAt))} UTC
                      {d.status === "PENDING" && d.attempts.length
                        ? ` · next try ${WHEN.format(new Date(d.nextAttemptAt))} UTC`
                        : ""}
                    </p>
                  </div>
                  <span className="flex items-center gap-2">
                    <span
                      className={cn(
                        "rounded-full px-2 py-0.5 text-xs font-medium",
                        d.status === "DELIVERED"
                          ? "bg-emerald-50 text-emerald-800"
                          : d.status === "FAILED"
                            ? "bg-red-50 text-red-800"
                            : "bg-slate-100 text-slate-700",
                      )}
                      data-testid="delivery-status"
                    >
                      {STATUS[d.status] ?? d.status}
                    </span>
                    {isOwner && d.status !== "SENDING" ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => run(resendDeliveryAction(d.id), "Queued to send again")}
                        aria-label={`Resend ${d.title}`}
                      >
                        Resend
                      </Button>
                    ) : null}
                  </span>
                </div>
                {d.attempts.length ? (
                  <ol
                    className="mt-2 space-y-0.5 border-l-2 border-slate-100 pl-3 text-xs text-slate-600"
                    aria-label="Attempts"
                  >
                    {d.attempts.map((a) => (
                      <li key={a.at} data-testid="delivery-attempt">
                        {WHEN.format(new Date(a.at))} UTC — {a.status ? `HTTP ${a.status}` : "no answer"}
                        {a.error ? ` (${a.error})` : ""} · {a.durationMs} ms
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
