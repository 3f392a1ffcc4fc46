"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { addCompetitorAction } from "@/lib/actions/competitors";

/** Paste a Marketplace app's address: the page is read before anything is stored. */
export function AddCompetitor({ appId, example }: { appId: string; example: string }) {
  const router = useRouter();
  const form = useForm<{ url: string }>({ defaultValues: { url: "" } });
  const error = form.formState.errors.url?.message;
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
        help={`Any public app's page, e.g. ${example}. It is read now and on every sync.`}
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
