"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { addCustomerNoteAction, eraseCustomerAction, setCustomerTagsAction } from "@/lib/actions/customers";

const noteResolver = lazyZodResolver<{ body: string }>(() =>
  import("@/lib/customers/schema").then((m) => m.noteSchema),
);

/** A note for the team; what was typed stays in the box until it is saved. */
export function NoteForm({ customerId }: { customerId: string }) {
  const router = useRouter();
  const form = useForm<{ body: string }>({ resolver: noteResolver, defaultValues: { body: "" } });
  const error = form.formState.errors.body?.message;
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await addCustomerNoteAction(customerId, values);
        if (!result.ok) {
          form.setError("body", { message: result.error.fields?.body ?? result.error.message });
          return;
        }
        toast.success("Note added");
        form.reset();
        router.refresh();
      })}
    >
      <Field id="note-body" label="Add a note" error={error}>
        <textarea
          id="note-body"
          rows={3}
          className={inputClass}
          {...describedBy("note-body", { error })}
          {...form.register("body")}
        />
      </Field>
      <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
        Add note
      </Button>
    </form>
  );
}

/** Tags, comma-separated in one field. */
export function TagsForm({ customerId, tags }: { customerId: string; tags: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ tags: string }>({ defaultValues: { tags: tags.join(", ") } });
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={form.handleSubmit(async (values) => {
        const list = values.tags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean);
        const result = await setCustomerTagsAction(customerId, { tags: list });
        if (!result.ok) {
          setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
          return;
        }
        setError(null);
        toast.success("Tags saved");
        form.reset({ tags: result.data.join(", ") });
        router.refresh();
      })}
    >
      <div className="min-w-48 flex-1">
        <Field id="customer-tags" label="Tags" error={error ?? undefined} help="Separate tags with commas.">
          <input
            id="customer-tags"
            className={inputClass}
            {...describedBy("customer-tags", { error: error ?? undefined, help: true })}
            {...form.register("tags")}
          />
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={form.formState.isSubmitting}>
        Save tags
      </Button>
    </form>
  );
}

/** Erase on request: asks for the company id, says what goes and what stays. */
export function EraseCustomer({ customerId, companyId }: { customerId: string; companyId: number }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          Erase personal data
        </Button>
      }
      title="Erase this customer's personal data?"
      description={
        <>
          Names, emails, the domain, notes and tags are removed for good. The company&apos;s Pipedrive id, its dates and
          every count stay. What was already pushed to your own Pipedrive is not changed.
        </>
      }
      confirmLabel="Erase"
      typeToConfirm={String(companyId)}
      onConfirm={async (typed) => {
        const result = await eraseCustomerAction(customerId, typed.trim());
        if (!result.ok) return result.error.message;
        toast.success("Personal data erased");
        router.refresh();
        return null;
      }}
    />
  );
}
