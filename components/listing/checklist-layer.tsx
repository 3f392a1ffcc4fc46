"use client";

import { useDeferredValue, useMemo } from "react";
import { useWatch, type Control } from "react-hook-form";
import { FIELDS } from "@/lib/listing/fields";
import { checkReadiness, type CheckItem, type IconVisibility } from "@/lib/listing/readiness";
import { listingDraftSchema, submissionProblems, type FieldProblems, type ListingDraft, type ListingDraftInput } from "@/lib/listing/schema";
import { EditorContext } from "./editor-fields";
import { ReadinessPanel, targetIdOf } from "./readiness-panel";

/** Keeps the same object while its content is the same, so that context consumers do not re-render. */
function useStable<T>(value: T): T {
  const json = JSON.stringify(value);
  return useMemo(() => JSON.parse(json) as T, [json]);
}

/**
 * Watches the whole listing (deferred, so typing stays responsive) and derives the review
 * problems shown inline and the readiness checklist. The form sections are `children`: they
 * are not re-rendered by a keystroke elsewhere unless the problems actually change.
 */
export function ChecklistLayer({
  control,
  readOnly,
  icons,
  registerIcon,
  onTab,
  children,
}: {
  control: Control<ListingDraftInput>;
  readOnly: boolean;
  icons: Record<string, IconVisibility>;
  registerIcon: (assetId: string, visibility: IconVisibility) => void;
  onTab: (tab: string) => void;
  children: React.ReactNode;
}) {
  const values = useDeferredValue(useWatch({ control }) as ListingDraftInput);
  const problems = useStable<FieldProblems>(useMemo(() => submissionProblems(values), [values]));
  const readiness = useMemo(() => {
    const parsed = listingDraftSchema.safeParse(values);
    return parsed.success ? checkReadiness(parsed.data as ListingDraft, icons) : null;
  }, [values, icons]);
  const context = useMemo(() => ({ problems, readOnly, registerIcon }), [problems, readOnly, registerIcon]);

  const goTo = (item: CheckItem) => {
    onTab(FIELDS[item.field].tab);
    const scopeIds = (values.scopes ?? []).map((s) => s?.id ?? "");
    requestAnimationFrame(() => {
      const target = document.getElementById(targetIdOf(item, scopeIds));
      target?.scrollIntoView({ block: "center" });
      target?.focus({ preventScroll: true });
    });
  };

  return (
    <EditorContext.Provider value={context}>
      <p className="mb-4 text-sm text-slate-600">
        {Object.keys(problems).length === 0 ? "Every required field is filled." : `${Object.keys(problems).length} fields need attention before review.`}
      </p>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">{children}</div>
        <aside className="xl:sticky xl:top-4 xl:self-start">{readiness ? <ReadinessPanel readiness={readiness} onGo={goTo} /> : null}</aside>
      </div>
    </EditorContext.Provider>
  );
}
