"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { setClientSecretAction } from "@/lib/actions/apps";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const clientSecretResolver = lazyZodResolver<{ clientSecret: string }>(() =>
  import("@/lib/apps/schema").then((m) => m.clientSecretSchema),
);

export function ClientSecretForm({ appId, isSet }: { appId: string; isSet: boolean }) {
  const [editing, setEditing] = useState(false);
  const form = useForm<{ clientSecret: string }>({
    resolver: clientSecretResolver,
    defaultValues: { clientSecret: "" },
  });
  const error = form.formState.errors.clientSecret?.message;

  if (!editing) {
    return (
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm">
          Client secret:{" "}
          <strong data-testid="client-secret-state" className={isSet ? "text-brand-700" : "text-slate-500"}>
            {isSet ? "set" : "not set"}
          </strong>
        </p>
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          {isSet ? "Replace secret" : "Set secret"}
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await setClientSecretAction(appId, values);
        if (!result.ok) {
          form.setError("clientSecret", { message: result.error.fields?.clientSecret ?? result.error.message });
          return;
        }
        toast.success("Client secret saved");
        form.reset();
        setEditing(false);
      })}
    >
      <Field
        id="clientSecret"
        label="New client secret"
        error={error}
        help="Stored encrypted. It is never shown again, to anyone."
      >
        <input
          id="clientSecret"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...describedBy("clientSecret", { error, help: true })}
          {...form.register("clientSecret")}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          Save secret
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
