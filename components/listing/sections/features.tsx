"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { FEATURE_TYPES } from "@/lib/listing/catalog";
import { LIMITS } from "@/lib/pipedrive/limits";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { FieldNotes, Section, TextField, useEditor, useFieldMessages } from "../editor-fields";
import { MoveButtons } from "../move-buttons";

function TypeSelect({ index }: { index: number }) {
  const { register } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const { error } = useFieldMessages(`features.${index}.type`);
  const id = `field-features-${index}-type`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Type
      </label>
      <select
        id={id}
        disabled={readOnly}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        {...register(`features.${index}.type`)}
      >
        {Object.entries(FEATURE_TYPES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
    </div>
  );
}

export function FeaturesSection() {
  const { control } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const { fields, append, remove, move } = useFieldArray({ control, name: "features", keyName: "key" });
  return (
    <Section
      title="Features"
      description="The app extensions shown as “Features” on the listing. Apps with extensions can appear in the App extensions collection."
    >
      <FieldNotes field="features" />
      {fields.length === 0 ? <p className="text-sm text-slate-500">No features yet.</p> : null}
      <ol className="space-y-4">
        {fields.map((field, index) => (
          <li key={field.key} className="rounded-lg border border-slate-200 p-4" aria-label={`Feature ${index + 1}`}>
            <div className="mb-3 flex items-center justify-between">
              <span className="text-sm font-semibold text-slate-700">Feature {index + 1}</span>
              {!readOnly ? (
                <div className="flex gap-1">
                  <MoveButtons label="feature" index={index} count={fields.length} move={move} />
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove feature ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              ) : null}
            </div>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-[12rem_1fr]">
              <TypeSelect index={index} />
              <TextField name={`features.${index}.name`} label="Name" limit={LIMITS.featureName} required />
            </div>
            <div className="mt-4">
              <TextField
                name={`features.${index}.description`}
                label="Description"
                limit={LIMITS.featureDescription}
                multiline
              />
            </div>
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <Button
          type="button"
          variant="secondary"
          disabled={fields.length >= LIMITS.features}
          onClick={() => append({ id: crypto.randomUUID(), type: "custom_panel", name: "", description: "" })}
        >
          <Plus aria-hidden /> Add feature
        </Button>
      ) : null}
    </Section>
  );
}
