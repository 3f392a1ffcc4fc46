"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { addFeedbackAction, resolveFeedbackAction } from "@/lib/actions/submission";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { FIELD_ORDER, FIELDS } from "@/lib/listing/fields";
import type { ListingField } from "@/lib/listing/schema";
import { stamp } from "./format";
import type { SectionProps } from "./types";

function FeedbackForm({ appId }: { appId: string }) {
  const router = useRouter();
  const [field, setField] = useState<ListingField>("description");
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      className="grid grid-cols-1 gap-3 md:grid-cols-[14rem_minmax(0,1fr)_auto] md:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await addFeedbackAction(appId, { field, message });
        setBusy(false);
        if (!result.ok) return setErrors(result.error.fields ?? { message: result.error.message });
        setErrors({});
        setMessage("");
        toast.success("Feedback attached to the field");
        router.refresh();
      }}
    >
      <Field id="feedback-field" label="Field" error={errors.field}>
        <select
          id="feedback-field"
          className={inputClass}
          value={field}
          onChange={(e) => setField(e.target.value as ListingField)}
        >
          {FIELD_ORDER.map((f) => (
            <option key={f} value={f}>
              {FIELDS[f].label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="feedback-message" label="Reviewer's feedback" error={errors.message}>
        <textarea
          id="feedback-message"
          rows={2}
          maxLength={2000}
          className={inputClass}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder="Paste it from Pipedrive's email"
          aria-invalid={errors.message ? true : undefined}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        Attach feedback
      </Button>
    </form>
  );
}

/** Pipedrive's review feedback, attached field by field until resolved. */
export function FeedbackPanel({ appId, state, canEdit, done }: SectionProps) {
  return (
    <section aria-labelledby="feedback-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="feedback-heading" className="font-semibold text-slate-900">
        Reviewer feedback
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Attach each point of Pipedrive&apos;s review email to its field: it shows in the editor beside that field until
        you resolve it.
      </p>
      {canEdit ? (
        <div className="mt-4">
          <FeedbackForm appId={appId} />
        </div>
      ) : null}
      {state.feedback.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">No open feedback.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100" aria-label="Open feedback">
          {state.feedback.map((f) => (
            <li key={f.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                <Link
                  href={`/apps/${appId}/listing?field=${f.field}`}
                  className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {f.fieldLabel}
                </Link>
                <p className="mt-0.5 text-sm whitespace-pre-line text-slate-800">{f.message}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {f.createdBy ?? "Someone"} · {stamp(f.createdAt)}
                </p>
              </div>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={`Resolve feedback on ${f.fieldLabel}`}
                  onClick={async () => done("Feedback resolved")(await resolveFeedbackAction(appId, f.id))}
                >
                  Resolve
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
