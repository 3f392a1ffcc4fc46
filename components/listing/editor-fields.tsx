"use client";

import { createContext, useContext } from "react";
import { useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { LISTING_ONLY_FIELDS } from "@/lib/listing/fields";
import type { AppKind, FieldProblems, ListingDraftInput, ListingField } from "@/lib/listing/schema";
import { cn } from "@/components/ui/cn";

/** A comment from a share link or a reviewer's feedback, shown beside its field until resolved. */
export type EditorNote = { id: string; kind: "comment" | "feedback"; title: string; body: string; createdAt: string };

type EditorState = {
  problems: FieldProblems;
  kind?: AppKind;
  readOnly: boolean;
  notes?: Partial<Record<string, EditorNote[]>>;
  onResolveNote?: (note: EditorNote) => void;
  /** Tells the checklist how visible a newly uploaded icon is. */
  registerIcon?: (assetId: string, visibility: { visibleOnLight: number | null; visibleOnDark: number | null }) => void;
};

export const EditorContext = createContext<EditorState>({ problems: {}, readOnly: false });
export const useEditor = () => useContext(EditorContext);

type Path = FieldPath<ListingDraftInput>;

/** Whether a field is required in this app's listing (a private app has no Marketplace listing). */
export function useRequired(field: string, required?: boolean) {
  const { kind } = useEditor();
  return Boolean(required) && !(kind === "PRIVATE" && LISTING_ONLY_FIELDS.includes(field as ListingField));
}

/** The first message of a path: a broken rule (red) or a problem for review (amber); neither blocks saving. */
export function useFieldMessages(name: string) {
  const { formState, getFieldState } = useFormContext<ListingDraftInput>();
  const { problems } = useEditor();
  const error = getFieldState(name as Path, formState).error?.message;
  return { error, warning: error ? undefined : problems[name] };
}

export function TextField({
  name,
  label,
  help,
  limit,
  required,
  type = "text",
  multiline = false,
  placeholder,
}: {
  name: Path;
  label: string;
  help?: string;
  limit?: number;
  required?: boolean;
  type?: "text" | "url" | "email";
  multiline?: boolean;
  placeholder?: string;
}) {
  const { register, control } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const value = useWatch({ control, name }) as string | undefined;
  const { error, warning } = useFieldMessages(name);
  const isRequired = useRequired(name, required);
  const id = `field-${name.replace(/\./g, "-")}`;
  const props = {
    id,
    readOnly,
    placeholder,
    className: cn(inputClass, multiline && "min-h-24"),
    ...describedBy(id, { error: error ?? warning, help: Boolean(help) }),
    ...register(name),
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
        count={limit ? [...(value ?? "")].length : undefined}
        limit={limit}
      >
        {multiline ? (
          <textarea rows={3} {...props} />
        ) : (
          <input type={type} inputMode={type === "url" ? "url" : undefined} {...props} />
        )}
      </Field>
      <FieldNotes field={name} />
    </div>
  );
}

/** The open comments and reviewer feedback of a field, beside it. */
export function FieldNotes({ field }: { field: string }) {
  const { notes, readOnly, onResolveNote } = useEditor();
  const list = notes?.[field];
  if (!list?.length) return null;
  return (
    <ul className="space-y-2" aria-label="Comments and feedback on this field" data-testid={`notes-${field}`}>
      {list.map((note) => (
        <li
          key={note.id}
          className={cn(
            "flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm",
            note.kind === "feedback" ? "border-violet-300 bg-violet-50" : "border-sky-300 bg-sky-50",
          )}
        >
          <div className="min-w-0">
            <p className="text-xs font-semibold text-slate-700">{note.title}</p>
            <p className="whitespace-pre-line text-slate-800">{note.body}</p>
          </div>
          {!readOnly && onResolveNote ? (
            <button
              type="button"
              onClick={() => onResolveNote(note)}
              className="shrink-0 rounded px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white"
            >
              Resolve
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Section({
  id,
  title,
  description,
  children,
}: {
  id?: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      id={id}
      tabIndex={id ? -1 : undefined}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 focus:outline-none"
    >
      <div>
        <h2 className="font-semibold text-slate-900">{title}</h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
