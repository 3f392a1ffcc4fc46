"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, inputClass } from "@/components/forms/field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { toast } from "@/components/ui/toast";
import { CheckField, SaveRow } from "./form-parts";
import { saveRequestSettingsAction } from "@/lib/actions/outreach";
import { LIMITS, PLACEHOLDERS } from "@/lib/outreach/defaults";
import { quietLabel } from "@/lib/outreach/quiet-hours";
import { requestEmail } from "@/lib/outreach/render";
import type { RequestSettings, RequestSettingsInput } from "@/lib/outreach/schema";
import type { OutreachSettings } from "@/lib/outreach/types";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const SAMPLE = { name: "Ana Souza", company: "Acme GmbH" };

/** Review requests: on or off, after how many days, quiet hours, the sender and the text, with a live preview. */
export function RequestSettingsForm({ settings, canEdit }: { settings: OutreachSettings; canEdit: boolean }) {
  const router = useRouter();
  const r = settings.requests;
  const form = useForm<RequestSettingsInput, unknown, RequestSettings>({
    defaultValues: { ...r },
    resolver: lazyZodResolver(async () => (await import("@/lib/outreach/schema")).requestSettingsSchema),
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const values = useWatch({ control: form.control });
  const errors = form.formState.errors;
  const preview = requestEmail({
    subject: values.requestSubject ?? "",
    body: values.requestBody ?? "",
    app: settings.appName,
    sender: values.senderName || settings.workspaceName,
    recipient: SAMPLE,
    reviewUrl: settings.reviewLink,
    unsubscribeUrl: "(unsubscribe link)",
  });
  const invalid = (name: keyof RequestSettingsInput) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
  return (
    <form
      noValidate
      aria-label="Review requests"
      className="grid gap-6 lg:grid-cols-2"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await saveRequestSettingsAction(settings.appId, v);
        if (!result.ok) {
          for (const [field, message] of Object.entries(result.error.fields ?? {}))
            form.setError(field as keyof RequestSettingsInput, { message });
          setServerError(result.error.fields ? null : result.error.message);
          return;
        }
        setServerError(null);
        toast.success(v.requestsOn ? "Saved: review requests are on" : "Saved: review requests are off");
        router.refresh();
      })}
    >
      <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
        <CheckField
          main
          field={form.register("requestsOn")}
          label="Ask installing users for a review"
          help="Once per company, to the user who installed, never after an uninstall or to someone who unsubscribed."
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="requestDays" label="After keeping it" help="days" error={errors.requestDays?.message}>
            <input
              id="requestDays"
              type="number"
              inputMode="numeric"
              min={LIMITS.days.min}
              max={LIMITS.days.max}
              className={inputClass}
              {...invalid("requestDays")}
              {...form.register("requestDays")}
            />
          </Field>
          <Field id="quietFrom" label="Quiet from" error={errors.quietFrom?.message}>
            <select id="quietFrom" className={inputClass} {...form.register("quietFrom")}>
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
              ))}
            </select>
          </Field>
          <Field id="quietTo" label="Quiet until" error={errors.quietTo?.message}>
            <select id="quietTo" className={inputClass} {...form.register("quietTo")}>
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
              ))}
            </select>
          </Field>
        </div>
        <p className="-mt-2 text-xs text-slate-500">
          No email goes out in quiet hours ({quietLabel(Number(values.quietFrom), Number(values.quietTo))},{" "}
          {settings.timeZone}, the workspace&apos;s time zone); the same hour twice means none.
        </p>
        <CheckField
          field={form.register("askExisting")}
          label="Also ask customers who already passed that day when requests are turned on"
          help="Off: only installs that reach their day from now on."
        />
        <Field
          id="senderName"
          label="Sender name"
          help={`Shown as the sender; empty: ${settings.workspaceName}`}
          error={errors.senderName?.message}
          count={values.senderName?.length ?? 0}
          limit={LIMITS.senderName}
        >
          <input id="senderName" className={inputClass} {...invalid("senderName")} {...form.register("senderName")} />
        </Field>
        <Field
          id="requestSubject"
          label="Subject"
          required
          error={errors.requestSubject?.message}
          count={values.requestSubject?.length ?? 0}
          limit={LIMITS.subject}
        >
          <input
            id="requestSubject"
            className={inputClass}
            {...invalid("requestSubject")}
            {...form.register("requestSubject")}
          />
        </Field>
        <Field
          id="requestBody"
          label="Text"
          required
          help={`Placeholders: ${PLACEHOLDERS.join(" ")}. The button to the listing's reviews and an unsubscribe link are added.`}
          error={errors.requestBody?.message}
          count={values.requestBody?.length ?? 0}
          limit={LIMITS.body}
        >
          <textarea
            id="requestBody"
            rows={8}
            className={inputClass}
            {...invalid("requestBody")}
            {...form.register("requestBody")}
          />
        </Field>
        <SaveRow
          error={serverError}
          canEdit={canEdit}
          saving={form.formState.isSubmitting}
          label="Save review requests"
          viewerNote="Viewers can see these settings; an editor changes them."
        />
      </fieldset>
      <section aria-label="Email preview" className="min-w-0">
        <h3 className="text-sm font-medium text-slate-800">Preview</h3>
        <p className="text-xs text-slate-500">
          As {SAMPLE.name} of {SAMPLE.company} would get it.
        </p>
        <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
          <dl className="space-y-1 border-b border-slate-200 pb-2 text-xs text-slate-600">
            <div>
              <dt className="inline font-medium">From: </dt>
              <dd className="inline" data-testid="preview-from">
                {values.senderName || settings.workspaceName}
              </dd>
            </div>
            <div>
              <dt className="inline font-medium">Subject: </dt>
              <dd className="inline font-semibold text-slate-900" data-testid="preview-subject">
                {preview.subject}
              </dd>
            </div>
          </dl>
          <p className="mt-3 break-words whitespace-pre-wrap text-slate-800" data-testid="preview-body">
            {preview.text.split("\n\n--\n")[0]}
          </p>
        </div>
      </section>
    </form>
  );
}
