"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { createAppAction } from "@/lib/actions/apps";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { CreateAppInput } from "@/lib/apps/schema";

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

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createAppAction(values);
    if (result.ok) {
      toast.success("App created");
      router.push(`/apps/${result.data.id}/listing`);
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
        <legend className="text-sm font-medium text-slate-800">App type</legend>
        <p className="text-xs text-slate-500">
          Chosen once, as in Pipedrive: a public app is listed on the Marketplace; a private app is installed by link.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(
            [
              ["PUBLIC", "Public", "Listed on the Marketplace after Pipedrive's review"],
              ["PRIVATE", "Private", "Installed by an unlisted link; no listing or reviews"],
            ] as const
          ).map(([value, title, text]) => (
            <label
              key={value}
              className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={value} className="mt-1" {...form.register("type")} />
              <span>
                <span className="block text-sm font-medium text-slate-900">{title}</span>
                <span className="block text-xs text-slate-600">{text}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <Field
          id="clientId"
          label="Client ID"
          required
          error={errors.clientId?.message}
          help="From the app's OAuth & access scopes tab."
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
