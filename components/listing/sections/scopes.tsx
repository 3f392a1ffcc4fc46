"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { TriangleAlert } from "lucide-react";
import { describedBy, inputClass } from "@/components/forms/field";
import { LIMITS } from "@/lib/pipedrive/limits";
import type { ListingDraftInput } from "@/lib/listing/schema";
import catalog from "@/lib/pipedrive/scopes.json";
import { otherLevel } from "@/lib/listing/scope-rules";
import { cn } from "@/components/ui/cn";
import { FieldNotes, Section, useEditor, useFieldMessages } from "../editor-fields";

type Scope = (typeof catalog.scopes)[number];

const areaOf = (scope: Scope) => {
  const [area] = scope.id.split(":");
  return scope.access === "special"
    ? "Special"
    : (area ?? scope.id).replace(/-/g, " ").replace(/^\w/, (c) => c.toUpperCase());
};

const GROUPS = Object.entries(
  catalog.scopes.reduce<Record<string, Scope[]>>((groups, scope) => {
    (groups[areaOf(scope)] ??= []).push(scope);
    return groups;
  }, {}),
);

export const isRisky = (scope: Scope) => scope.id === "admin" || scope.access === "full";

function Justification({ index, scope }: { index: number; scope: Scope }) {
  const { register, control } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const value = (useWatch({ control, name: `scopes.${index}.justification` }) as string | undefined) ?? "";
  const { error } = useFieldMessages(`scopes.${index}.justification`);
  const id = `scope-justification-${scope.id.replace(/:/g, "-")}`;
  return (
    <div className="mt-2 space-y-1">
      <label htmlFor={id} className="flex justify-between text-xs font-medium text-slate-700">
        Why does the app need this?
        <span
          className={cn("tabular-nums", value.length > LIMITS.scopeJustification ? "text-red-600" : "text-slate-500")}
        >
          {value.length} / {LIMITS.scopeJustification}
        </span>
      </label>
      <textarea
        id={id}
        rows={2}
        readOnly={readOnly}
        className={inputClass}
        {...describedBy(id, { error })}
        {...register(`scopes.${index}.justification`)}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ScopesSection() {
  const { control } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const { fields, append, remove, update } = useFieldArray({ control, name: "scopes" });
  const selected = (useWatch({ control, name: "scopes" }) ?? []) as { id: string; justification: string }[];
  const indexOf = (id: string) => selected.findIndex((s) => s.id === id);
  // Read-only and full access of one object are one choice: ticking one switches from the other, keeping its reason.
  const choose = (id: string) => {
    const other = otherLevel(id);
    const at = other ? indexOf(other) : -1;
    if (at >= 0) update(at, { id, justification: selected[at]!.justification });
    else append({ id, justification: "" });
  };

  return (
    <Section
      id="scopes-section"
      title="Access scopes"
      description="Installers accept all of these or none. Ask only for what the app uses, and say why for each one."
    >
      <FieldNotes field="scopes" />
      <p className="sr-only" aria-live="polite">
        {fields.length} scopes selected
      </p>
      {GROUPS.map(([group, scopes]) => (
        <fieldset key={group} className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{group}</legend>
          <ul className="space-y-3">
            {scopes.map((scope) => {
              const index = indexOf(scope.id);
              const checked = index >= 0 || scope.id === "base";
              const id = `scope-${scope.id.replace(/:/g, "-")}`;
              return (
                <li key={scope.id}>
                  <div className="flex items-start gap-3">
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-1"
                      checked={checked}
                      disabled={readOnly || scope.id === "base"}
                      onChange={(e) => (e.target.checked ? choose(scope.id) : remove(index))}
                    />
                    <div className="min-w-0 flex-1">
                      <label
                        htmlFor={id}
                        className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900"
                      >
                        {scope.label}
                        <span
                          className={cn(
                            "rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase",
                            scope.access === "full"
                              ? "bg-amber-100 text-amber-800"
                              : scope.access === "read"
                                ? "bg-sky-100 text-sky-800"
                                : "bg-slate-100 text-slate-700",
                          )}
                        >
                          {scope.access === "special"
                            ? scope.id === "base"
                              ? "always on"
                              : "special"
                            : scope.access === "full"
                              ? "full access"
                              : "read only"}
                        </span>
                      </label>
                      <p className="text-xs text-slate-600">{scope.description}</p>
                      {checked && isRisky(scope) ? (
                        <p className="mt-1 flex items-center gap-1 text-xs font-medium text-amber-700">
                          <TriangleAlert aria-hidden className="size-3.5" />
                          {scope.id === "admin"
                            ? "Admin access makes installers and reviewers cautious: justify it precisely."
                            : "Full access lets the app change or delete data: make sure read-only is not enough."}
                        </p>
                      ) : null}
                      {index >= 0 && scope.id !== "base" ? <Justification index={index} scope={scope} /> : null}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </Section>
  );
}
