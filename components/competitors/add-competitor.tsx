"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { addCompetitorAction } from "@/lib/actions/competitors";
import type { CompetitorSuggestion } from "@/lib/competitors/types";

/** Paste a Marketplace app's address: the page is read before anything is stored. */
export function AddCompetitor({ appId, example, following }: { appId: string; example: string; following: number }) {
  const router = useRouter();
  const form = useForm<{ url: string }>({ defaultValues: { url: "" } });
  const error = form.formState.errors.url?.message;
  // A competitor followed another way (a suggestion) ends the previous refusal; what was typed stays.
  useEffect(() => form.clearErrors("url"), [following, form]);
  return (
    <form
      noValidate
      aria-label="Add a competitor"
      className="rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={form.handleSubmit(async (values) => {
        if (!values.url.trim())
          return form.setError("url", { message: "Paste the address of the app's page on the Marketplace" });
        const result = await addCompetitorAction(appId, values);
        if (!result.ok) return form.setError("url", { message: result.error.fields?.url ?? result.error.message });
        toast.success(`Now following ${result.data.name}`);
        form.reset();
        router.refresh();
      })}
    >
      <Field
        id="competitor-url"
        label="Marketplace page of a competitor"
        error={error}
        help={`Any public app's page: its address looks like ${example}. It is read now and on every sync.`}
      >
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="competitor-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://www.pipedrive.com/en/marketplace/app/…"
            className={inputClass}
            {...describedBy("competitor-url", { error, help: true })}
            {...form.register("url")}
          />
          <Button type="submit" disabled={form.formState.isSubmitting} className="shrink-0">
            {form.formState.isSubmitting ? "Reading the page…" : "Add competitor"}
          </Button>
        </div>
      </Field>
    </form>
  );
}

/** The first apps of the app's categories, each a click from being followed. */
export function CompetitorSuggestions({
  appId,
  suggestions,
  canEdit,
}: {
  appId: string;
  suggestions: CompetitorSuggestion[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const follow = async (s: CompetitorSuggestion) => {
    setBusy(s.clientId);
    const result = await addCompetitorAction(appId, { url: s.url });
    setBusy(null);
    if (!result.ok) return void toast.error(result.error.fields?.url ?? result.error.message);
    toast.success(`Now following ${result.data.name}`);
    router.refresh();
  };
  return (
    <section aria-labelledby="suggestions-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="suggestions-heading" className="text-sm font-semibold text-slate-900">
        Suggested from your categories
      </h2>
      {suggestions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          None yet: suggestions are the first apps of the listing&apos;s categories, once a sync has read their pages.
        </p>
      ) : (
        <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {suggestions.map((s) => (
            <li
              key={s.clientId}
              data-testid="competitor-suggestion"
              className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 p-3"
            >
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">{s.name}</p>
                <p className="truncate text-xs text-slate-600">
                  {s.places.map((p) => `#${p.rank} in ${p.list}`).join(" · ")}
                </p>
              </div>
              {canEdit ? (
                <Button size="sm" variant="secondary" disabled={busy !== null} onClick={() => follow(s)}>
                  {busy === s.clientId ? "Reading…" : "Follow"}
                  <span className="sr-only"> {s.name}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
