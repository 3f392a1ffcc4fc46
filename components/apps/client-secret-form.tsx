"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { setClientIdAction, setClientSecretAction } from "@/lib/actions/apps";
import type { ActionResult } from "@/lib/actions/types";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type Credential = "clientId" | "clientSecret";

const resolvers = {
  clientId: lazyZodResolver<{ clientId: string }>(() => import("@/lib/apps/schema").then((m) => m.clientIdSchema)),
  clientSecret: lazyZodResolver<{ clientSecret: string }>(() =>
    import("@/lib/apps/schema").then((m) => m.clientSecretSchema),
  ),
};

/** One of the app's OAuth credentials: its state in a line, and a form to set or replace it. */
function CredentialForm({
  name,
  label,
  state,
  isSet,
  edit,
  help,
  secret,
  save,
  saved,
  saveLabel,
}: {
  name: Credential;
  label: string;
  state: React.ReactNode;
  isSet: boolean;
  edit: [set: string, replace: string];
  help: string;
  secret: boolean;
  save: (values: Record<Credential, string>) => Promise<ActionResult<unknown>>;
  saved: string;
  saveLabel: string;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const form = useForm<Record<Credential, string>>({
    resolver: resolvers[name] as never,
    defaultValues: { [name]: "" },
  });
  const error = form.formState.errors[name]?.message;

  if (!editing) {
    return (
      <div className="flex items-center justify-between gap-4">
        <p className="min-w-0 text-sm">
          {label}: {state}
        </p>
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          {isSet ? edit[1] : edit[0]}
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await save(values);
        if (!result.ok) {
          form.setError(name, { message: result.error.fields?.[name] ?? result.error.message });
          return;
        }
        toast.success(saved);
        form.reset();
        setEditing(false);
        router.refresh();
      })}
    >
      <Field id={name} label={`New ${label[0]!.toLowerCase()}${label.slice(1)}`} error={error} help={help}>
        <input
          id={name}
          type={secret ? "password" : "text"}
          autoComplete={secret ? "new-password" : "off"}
          className={inputClass}
          {...describedBy(name, { error, help: true })}
          {...form.register(name)}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {saveLabel}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function ClientSecretForm({ appId, isSet }: { appId: string; isSet: boolean }) {
  return (
    <CredentialForm
      name="clientSecret"
      label="Client secret"
      isSet={isSet}
      state={
        <strong data-testid="client-secret-state" className={isSet ? "text-brand-700" : "text-slate-500"}>
          {isSet ? "set" : "not set"}
        </strong>
      }
      edit={["Set secret", "Replace secret"]}
      help="Stored encrypted. It is never shown again, to anyone."
      secret
      save={(values) => setClientSecretAction(appId, { clientSecret: values.clientSecret })}
      saved="Client secret saved"
      saveLabel="Save secret"
    />
  );
}

/** The client ID from Developer Hub: added once the app exists there, corrected if mistyped. */
export function ClientIdForm({ appId, clientId }: { appId: string; clientId: string }) {
  return (
    <CredentialForm
      name="clientId"
      label="Client ID"
      isSet={clientId !== ""}
      state={
        clientId ? (
          <code data-testid="client-id" className="break-all">
            {clientId}
          </code>
        ) : (
          <strong data-testid="client-id" className="text-amber-700">
            not added yet
          </strong>
        )
      }
      edit={["Add client ID", "Change"]}
      help="Developer Hub → your app → OAuth & access scopes. The gateway, the Marketplace sync, the hand-off and the submission use it."
      secret={false}
      save={(values) => setClientIdAction(appId, { clientId: values.clientId })}
      saved="Client ID saved"
      saveLabel="Save client ID"
    />
  );
}
