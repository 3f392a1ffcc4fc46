"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { deleteTemplateAction, saveTemplateAction } from "@/lib/actions/reviews";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { templateSchema } from "@/lib/reviews/schema";
import { PLACEHOLDERS } from "@/lib/reviews/templates";
import { plural } from "@/lib/text/words";

const templateResolver = lazyZodResolver<Input>(() => import("@/lib/reviews/schema").then((m) => m.templateSchema));

type Template = { id: string; name: string; body: string };
type Input = z.input<typeof templateSchema>;

function TemplateForm({ template, onDone }: { template: Template | null; onDone: () => void }) {
  const router = useRouter();
  const prefix = template ? `template-${template.id}` : "template-new";
  const form = useForm<Input>({
    resolver: templateResolver,
    mode: "onTouched",
    defaultValues: { name: template?.name ?? "", body: template?.body ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveTemplateAction(template?.id ?? null, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof Input, { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    toast.success(template ? "Template saved" : "Template created");
    if (!template) form.reset({ name: "", body: "" });
    onDone();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field id={`${prefix}-name`} label="Template name" required error={errors.name?.message}>
        <input
          id={`${prefix}-name`}
          className={inputClass}
          {...describedBy(`${prefix}-name`, { error: errors.name?.message })}
          {...form.register("name")}
        />
      </Field>
      <Field
        id={`${prefix}-body`}
        label="Reply"
        required
        error={errors.body?.message}
        help={
          <>
            Placeholders:{" "}
            {PLACEHOLDERS.map((p) => (
              <code key={p} className="mr-1">{`{{${p}}}`}</code>
            ))}
          </>
        }
      >
        <textarea
          id={`${prefix}-body`}
          rows={5}
          className={inputClass}
          {...describedBy(`${prefix}-body`, { error: errors.body?.message, help: true })}
          {...form.register("body")}
        />
      </Field>
      <div className="flex justify-end gap-2">
        {template ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {template ? "Save template" : "Add template"}
        </Button>
      </div>
    </form>
  );
}

export function TemplatesEditor({ templates, canEdit }: { templates: Template[]; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_24rem]">
      <section aria-labelledby="templates-heading" className="space-y-3">
        <h2 id="templates-heading" className="text-sm font-medium text-slate-600">
          {plural(templates.length, "template", "templates")}
        </h2>
        {templates.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            No reply templates yet. Save the replies you write most, with placeholders for the reviewer and the app.
          </p>
        ) : null}
        <ul className="space-y-3">
          {templates.map((t) => (
            <li key={t.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="template-row">
              {editing === t.id ? (
                <TemplateForm template={t} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <div className="flex items-start justify-between gap-2">
                    <h3 className="font-medium text-slate-900">{t.name}</h3>
                    {canEdit ? (
                      <span className="flex gap-1">
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setEditing(t.id)}
                          aria-label={`Edit ${t.name}`}
                        >
                          Edit
                        </Button>
                        <ConfirmAction
                          label="Delete"
                          target={t.name}
                          description="Replies already written with it are kept."
                          confirmLabel="Delete template"
                          done="Template deleted"
                          run={() => deleteTemplateAction(t.id)}
                        />
                      </span>
                    ) : null}
                  </div>
                  <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{t.body}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {canEdit ? (
        <section
          aria-labelledby="new-template-heading"
          className="h-fit rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="new-template-heading" className="mb-3 font-semibold text-slate-900">
            New template
          </h2>
          <TemplateForm template={null} onDone={() => undefined} />
        </section>
      ) : null}
    </div>
  );
}
