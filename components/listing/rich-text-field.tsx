"use client";

import { useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Bold, Italic, Link2, List, ListOrdered } from "lucide-react";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import dynamic from "next/dynamic";
import { useListingChecks } from "./lazy-modules";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { cn } from "@/components/ui/cn";
import { FieldNotes, useEditor, useFieldMessages, useRequired } from "./editor-fields";

/** The formatted preview loads when it is first asked for. */
const MarkdownView = dynamic(() => import("./markdown-view").then((m) => m.MarkdownView), {
  loading: () => <p className="min-h-40 px-3 py-2 text-sm text-slate-500">Loading the preview…</p>,
});

type Name = "description" | "setupInstructions";

const TOOLS = [
  { label: "Bold", icon: Bold, apply: (s: string) => `**${s || "bold text"}**` },
  { label: "Italic", icon: Italic, apply: (s: string) => `_${s || "italic text"}_` },
  {
    label: "Bulleted list",
    icon: List,
    apply: (s: string) =>
      (s || "item")
        .split("\n")
        .map((l) => `- ${l}`)
        .join("\n"),
  },
  {
    label: "Numbered list",
    icon: ListOrdered,
    apply: (s: string) =>
      (s || "step")
        .split("\n")
        .map((l, i) => `${i + 1}. ${l}`)
        .join("\n"),
  },
  { label: "Link", icon: Link2, apply: (s: string) => `[${s || "link text"}](https://)` },
] as const;

/** Markdown subset editor: a toolbar for what the Marketplace renders, and a preview of exactly that. */
export function RichTextField({
  name,
  label,
  help,
  limit,
  required,
}: {
  name: Name;
  label: string;
  help: string;
  limit: number;
  required?: boolean;
}) {
  const { register, control, setValue } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const value = (useWatch({ control, name }) as string | undefined) ?? "";
  const { error, warning } = useFieldMessages(name);
  const isRequired = useRequired(name, required);
  const [preview, setPreview] = useState(false);
  const area = useRef<HTMLTextAreaElement | null>(null);
  const checks = useListingChecks();
  const id = `field-${name}`;
  const { ref, ...field } = register(name);

  const applyTool = (apply: (selected: string) => string) => {
    const el = area.current;
    if (!el) return;
    const { selectionStart: start, selectionEnd: end } = el;
    const next = value.slice(0, start) + apply(value.slice(start, end)) + value.slice(end);
    setValue(name, next, { shouldDirty: true, shouldValidate: true });
    requestAnimationFrame(() => el.focus());
  };

  return (
    <div className="space-y-2">
      <Field
        id={id}
        label={label}
        help={help}
        error={error}
        warning={warning}
        required={isRequired}
        count={checks ? checks.visibleLength(value) : value.length}
        limit={limit}
      >
        <div className="overflow-hidden rounded-md border border-slate-300 focus-within:border-brand-600">
          <div
            role="toolbar"
            aria-label={`${label} formatting`}
            className="flex items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 py-1"
          >
            {TOOLS.map(({ label: toolLabel, icon: Icon, apply }) => (
              <button
                key={toolLabel}
                type="button"
                title={toolLabel}
                aria-label={toolLabel}
                disabled={readOnly || preview}
                onClick={() => applyTool(apply)}
                className="rounded p-1.5 text-slate-600 hover:bg-slate-200 disabled:opacity-40"
              >
                <Icon aria-hidden className="size-4" />
              </button>
            ))}
            <button
              type="button"
              onClick={() => setPreview((p) => !p)}
              aria-pressed={preview}
              className="ml-auto rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200"
            >
              {preview ? "Edit" : "Preview"}
            </button>
          </div>
          {preview ? (
            <MarkdownView source={value} className="min-h-40 px-3 py-2 text-sm text-slate-800" />
          ) : (
            <textarea
              id={id}
              rows={8}
              readOnly={readOnly}
              className={cn(inputClass, "rounded-none border-0 shadow-none focus:ring-0")}
              {...describedBy(id, { error: error ?? warning, help: true })}
              {...field}
              ref={(el) => {
                ref(el);
                area.current = el;
              }}
            />
          )}
        </div>
      </Field>
      <FieldNotes field={name} />
    </div>
  );
}
