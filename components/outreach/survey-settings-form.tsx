"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { CheckField, SaveRow } from "./form-parts";
import { saveSurveySettingsAction } from "@/lib/actions/outreach";
import { LIMITS } from "@/lib/outreach/defaults";
import type { SurveySettingsInput } from "@/lib/outreach/schema";
import type { OutreachSettings } from "@/lib/outreach/types";

/** The uninstall survey: on or off, and the reasons it offers (reworded reasons keep their answers). */
export function SurveySettingsForm({ settings, canEdit }: { settings: OutreachSettings; canEdit: boolean }) {
  const router = useRouter();
  const form = useForm<SurveySettingsInput>({
    defaultValues: { surveyOn: settings.survey.surveyOn, reasons: settings.survey.reasons },
    resolver: lazyZodResolver(async () => (await import("@/lib/outreach/schema")).surveySettingsSchema),
  });
  const reasons = useFieldArray({ control: form.control, name: "reasons" });
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = form.formState.errors;
  const listError = errors.reasons?.root?.message ?? errors.reasons?.message;
  return (
    <form
      noValidate
      aria-label="Uninstall survey"
      className="space-y-4"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await saveSurveySettingsAction(settings.appId, v);
        if (!result.ok) {
          setServerError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
          return;
        }
        setServerError(null);
        toast.success(v.surveyOn ? "Saved: the uninstall survey is on" : "Saved: the uninstall survey is off");
        router.refresh();
      })}
    >
      <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
        <CheckField
          main
          field={form.register("surveyOn")}
          label="Ask why, when a company uninstalls"
          help="One short email to the user who uninstalled (when their address is known), linking to a one-question page. Each link works once, for 30 days."
        />
        <fieldset className="space-y-2" aria-describedby={listError ? "reasons-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Reasons offered</legend>
          <p className="text-xs text-slate-500">
            {LIMITS.reasons.min}–{LIMITS.reasons.max} reasons; people can also write in their own words.
          </p>
          {reasons.fields.map((field, i) => {
            const error = errors.reasons?.[i]?.label?.message;
            return (
              <div key={field.id}>
                <div className="flex gap-2">
                  <input
                    aria-label={`Reason ${i + 1}`}
                    className={inputClass}
                    maxLength={LIMITS.reasonLabel + 20}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `reason-${i}-error` : undefined}
                    {...form.register(`reasons.${i}.label`)}
                  />
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={`Remove reason ${i + 1}`}
                    onClick={() => reasons.remove(i)}
                  >
                    Remove
                  </Button>
                </div>
                {error ? (
                  <p id={`reason-${i}-error`} role="alert" className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
          {listError ? (
            <p id="reasons-error" role="alert" className="text-sm text-red-700">
              {listError}
            </p>
          ) : null}
          {reasons.fields.length < LIMITS.reasons.max ? (
            <Button type="button" variant="secondary" size="sm" onClick={() => reasons.append({ label: "" })}>
              Add a reason
            </Button>
          ) : null}
        </fieldset>
        <SaveRow
          error={serverError}
          canEdit={canEdit}
          saving={form.formState.isSubmitting}
          label="Save uninstall survey"
        />
      </fieldset>
    </form>
  );
}
