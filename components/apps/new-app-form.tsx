"use client";

import { useRouter } from "next/navigation";
import { Check, X } from "lucide-react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { createAppAction } from "@/lib/actions/apps";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { CreateAppInput } from "@/lib/apps/schema";
import {
  APP_TYPE_COMPARISON,
  APP_TYPE_LABELS,
  APP_TYPE_SUMMARY,
  APP_TYPES,
  appHome,
  hasFeature,
} from "@/lib/app-types";

const createAppResolver = lazyZodResolver<CreateAppInput>(() =>
  import("@/lib/apps/schema").then((m) => m.createAppSchema),
);

export function NewAppForm() {
  const router = useRouter();
  const form = useForm<CreateAppInput>({
    resolver: createAppResolver,
    mode: "onTouched",
    defaultValues: { name: "", type: "PUBLIC", clientId: "", callbackUrl: "", installationUrl: "", clientSecret: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const oauth = hasFeature(useWatch({ control: form.control, name: "type" }) ?? "PUBLIC", "oauth");

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createAppAction(values);
    if (result.ok) {
      toast.success("App created");
      router.push(appHome(result.data));
      return;
    }
    for (const [field, message] of Object.entries(result.error.fields ?? {})) {
      form.setError(field as keyof CreateAppInput, { message });
    }
    if (!result.error.fields) toast.error(result.error.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-xl border border-slate-200 bg-white p-6">
      <Field
        id="name"
        label="App name"
        required
        error={errors.name?.message}
        help="As registered in Pipedrive's Developer Hub."
      >
        <input
          id="name"
          className={inputClass}
          autoComplete="off"
          {...describedBy("name", { error: errors.name?.message, help: true })}
          {...form.register("name")}
        />
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What kind of app is it?</legend>
        <p className="text-xs text-slate-500">
          Chosen once, as in Pipedrive. The differences, from Pipedrive&apos;s &ldquo;About the Marketplace&rdquo;:
        </p>
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
          {APP_TYPES.map((value) => (
            <label
              key={value}
              data-testid={`type-${value}`}
              className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={value} className="mt-1 self-start" {...form.register("type")} />
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">{APP_TYPE_LABELS[value]}</span>
                <span className="block text-xs text-slate-600">{APP_TYPE_SUMMARY[value]}</span>
                <ul className="mt-2 space-y-1 text-xs">
                  {APP_TYPE_COMPARISON.map(({ label, values }) => {
                    const v = values[value];
                    return (
                      <li key={label} className="flex gap-1.5">
                        {v === false ? (
                          <X aria-hidden className="mt-px size-3.5 shrink-0 text-slate-400" />
                        ) : (
                          <Check aria-hidden className="mt-px size-3.5 shrink-0 text-emerald-600" />
                        )}
                        <span className={v === false ? "text-slate-500" : "text-slate-700"}>
                          {v === false ? <span className="sr-only">No: </span> : null}
                          {label}
                          {typeof v === "string" ? `: ${v}` : ""}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </span>
            </label>
          ))}
        </div>
        {errors.type?.message ? <p className="text-sm text-red-700">{errors.type.message}</p> : null}
      </fieldset>

      {oauth ? (
        <>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <Field
              id="clientId"
              label="Client ID (optional)"
              error={errors.clientId?.message}
              help="From the app's OAuth & access scopes tab in Developer Hub. Not created there yet? Leave it empty and add it in Settings later: the listing can be drafted without it."
            >
              <input
                id="clientId"
                className={inputClass}
                autoComplete="off"
                {...describedBy("clientId", { error: errors.clientId?.message, help: true })}
                {...form.register("clientId")}
              />
            </Field>
            <Field
              id="clientSecret"
              label="Client secret"
              error={errors.clientSecret?.message}
              help="Optional. Stored encrypted; never shown again."
            >
              <input
                id="clientSecret"
                type="password"
                className={inputClass}
                autoComplete="new-password"
                {...describedBy("clientSecret", { error: errors.clientSecret?.message, help: true })}
                {...form.register("clientSecret")}
              />
            </Field>
          </div>
          <Field
            id="callbackUrl"
            label="Callback URL"
            required
            error={errors.callbackUrl?.message}
            help="The OAuth redirect URI; Pipedrive also sends uninstalls to it."
          >
            <input
              id="callbackUrl"
              type="url"
              inputMode="url"
              className={inputClass}
              placeholder="https://"
              {...describedBy("callbackUrl", { error: errors.callbackUrl?.message, help: true })}
              {...form.register("callbackUrl")}
            />
          </Field>
          <Field
            id="installationUrl"
            label="Installation URL"
            error={errors.installationUrl?.message}
            help="Optional. Where “Proceed to install” sends the user."
          >
            <input
              id="installationUrl"
              type="url"
              inputMode="url"
              className={inputClass}
              placeholder="https://"
              {...describedBy("installationUrl", { error: errors.installationUrl?.message, help: true })}
              {...form.register("installationUrl")}
            />
          </Field>
        </>
      ) : (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-600" data-testid="api-token-note">
          No client ID or callback: a company connects the integration with its own API token. Once it is added, its
          Settings show how your backend reports installs through the events API.
        </p>
      )}
      <div className="flex justify-end gap-3">
        <Button type="button" variant="secondary" onClick={() => router.push("/apps")}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create app"}
        </Button>
      </div>
    </form>
  );
}
