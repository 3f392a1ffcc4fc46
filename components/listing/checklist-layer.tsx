"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { Eye, EyeOff } from "lucide-react";
import dynamic from "next/dynamic";
import { useWatch, type Control } from "react-hook-form";
import { FIELDS } from "@/lib/listing/fields";
import type { CheckItem, IconVisibility, LinkStatus } from "@/lib/listing/readiness";
import type { AppKind, FieldProblems, ListingDraftInput, ListingField } from "@/lib/listing/schema";
import { plural } from "@/lib/text/words";
import { useListingChecks } from "./lazy-modules";
import { EditorContext, type EditorNote } from "./editor-fields";
import { NotesPanel } from "./notes-panel";
import { ReadinessPanel, targetIdOf } from "./readiness-panel";

/** The live preview renders the Marketplace page, which only loads when it is turned on. */
const MarketplacePage = dynamic(() => import("@/components/preview/marketplace-page").then((m) => m.MarketplacePage));

/** How long typing pauses before the live preview follows. */
const PREVIEW_PAUSE_MS = 300;

/** The value once it has not changed for `ms` (the first value at once). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

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
  kind,
  readOnly,
  icons,
  registerIcon,
  onTab,
  notes,
  onResolveNote,
  focusField,
  builtBy,
  links,
  linkCheck,
  children,
}: {
  control: Control<ListingDraftInput>;
  kind: AppKind;
  readOnly: boolean;
  icons: Record<string, IconVisibility>;
  registerIcon: (assetId: string, visibility: IconVisibility) => void;
  onTab: (tab: string) => void;
  notes: { field: string | null; fieldLabel: string; note: EditorNote }[];
  onResolveNote: (note: EditorNote) => void;
  /** A field to show on arrival (`?field=` from the review page). */
  focusField?: ListingField;
  builtBy: string;
  /** The last reachability check of each link, by URL. */
  links: Record<string, LinkStatus>;
  /** "Check links now", below the checklist. */
  linkCheck: React.ReactNode;
  children: React.ReactNode;
}) {
  const [livePreview, setLivePreview] = useState(false);
  const values = useDeferredValue(useWatch({ control }) as ListingDraftInput);
  const checks = useListingChecks();
  const problems = useStable<FieldProblems>(
    useMemo(() => (checks ? checks.submissionProblems(values, kind) : {}), [checks, values, kind]),
  );
  // Whatever the form holds (valid or not), the checklist is there.
  const readiness = useMemo(
    () => (checks ? checks.checkReadiness(values, { kind, icons, links }) : null),
    [checks, values, kind, icons, links],
  );
  const byField = useMemo(() => {
    const map: Partial<Record<string, EditorNote[]>> = {};
    for (const { field, note } of notes) if (field) (map[field] ??= []).push(note);
    return map;
  }, [notes]);
  const context = useMemo(
    () => ({ problems, kind, readOnly, registerIcon, notes: byField, onResolveNote }),
    [problems, kind, readOnly, registerIcon, byField, onResolveNote],
  );
  // The live preview renders the whole Marketplace page: it follows the form once typing pauses, not on
  // every keystroke, so that typing stays quick on a slow laptop.
  const settled = useSettled(values, PREVIEW_PAUSE_MS);
  const preview = useMemo(
    () => (livePreview && checks ? checks.draftOf(settled) : null),
    [checks, livePreview, settled],
  );

  const goTo = (item: Pick<CheckItem, "field" | "path">) => {
    onTab(FIELDS[item.field].tab);
    const scopeIds = (values.scopes ?? []).map((s) => s?.id ?? "");
    // The tab's panel may be made only now (its first showing): wait a few frames for the field.
    const id = targetIdOf(item, scopeIds);
    const focus = (frames: number) =>
      requestAnimationFrame(() => {
        const target = document.getElementById(id);
        if (!target) return frames > 0 ? focus(frames - 1) : undefined;
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      });
    focus(10);
  };
  const goToField = (field: string) => goTo({ field: field as ListingField, path: field });
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !focusField || !(focusField in FIELDS)) return;
    arrived.current = true;
    goTo({ field: focusField, path: focusField });
  });

  return (
    <EditorContext.Provider value={context}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {!checks
            ? "Checking the listing…"
            : Object.keys(problems).length === 0
              ? kind === "PUBLIC"
                ? "Every required field is filled."
                : "Nothing blocks this private app."
              : `${plural(Object.keys(problems).length, "field needs", "fields need")} attention${kind === "PUBLIC" ? " before review" : ""}.`}
        </p>
        <button
          type="button"
          aria-pressed={livePreview}
          onClick={() => setLivePreview((on) => !on)}
          className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          {livePreview ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
          Live preview
        </button>
      </div>
      <div className={livePreview ? "grid gap-6 lg:grid-cols-2" : "grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]"}>
        <div className="min-w-0">{children}</div>
        <aside className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:self-start">
          {preview ? (
            <section
              aria-label="Live preview"
              className="max-h-[75vh] overflow-y-auto rounded-xl border border-slate-200 shadow-sm"
              data-testid="live-preview"
            >
              <MarketplacePage
                listing={preview}
                builtBy={builtBy}
                assetPath="/api/assets/{id}"
                marketplace={kind === "PUBLIC"}
              />
            </section>
          ) : null}
          {readiness ? <ReadinessPanel readiness={readiness} onGo={goTo} footer={linkCheck} /> : null}
          <NotesPanel notes={notes} readOnly={readOnly} onGo={goToField} onResolve={onResolveNote} />
        </aside>
      </div>
    </EditorContext.Provider>
  );
}
