"use client";

import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import type { CheckItem, Readiness } from "@/lib/listing/readiness";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/text/words";

/** The element to focus for a checklist item's field path. */
export function targetIdOf(item: Pick<CheckItem, "path">, scopeIds: string[]): string {
  const [field, index, leaf] = item.path.split(".");
  if (field === "scopes" && leaf === "justification")
    return `scope-justification-${(scopeIds[Number(index)] ?? "").replace(/:/g, "-")}`;
  if (field === "scopes") return "scopes-section";
  if (field === "images" && leaf === "alt") return `image-alt-${index}`;
  if (field === "images" || field === "iconAssetId") return "media-section";
  if (field === "categories") return "categories-section";
  return `field-${item.path.replace(/\./g, "-")}`;
}

export function ReadinessPanel({
  readiness,
  onGo,
  footer,
}: {
  readiness: Readiness;
  onGo: (item: CheckItem) => void;
  footer?: React.ReactNode;
}) {
  const tone = readiness.errors > 0 ? "text-red-700" : readiness.warnings > 0 ? "text-amber-700" : "text-brand-700";
  return (
    <section aria-labelledby="readiness-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex items-baseline justify-between">
        <h2 id="readiness-heading" className="font-semibold text-slate-900">
          Readiness
        </h2>
        <p className={cn("text-2xl font-bold tabular-nums", tone)} data-testid="readiness-score">
          {readiness.score}
          <span className="text-sm font-medium text-slate-500">/100</span>
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {readiness.errors === 0 && readiness.warnings === 0
          ? "Ready for Pipedrive's review."
          : `${plural(readiness.errors, "error blocks", "errors block")} review · ${plural(readiness.warnings, "warning", "warnings")}`}
      </p>
      {readiness.items.length === 0 ? (
        <p className="mt-3 flex items-center gap-2 text-sm text-brand-700">
          <CircleCheck aria-hidden className="size-4" /> Every check passes.
        </p>
      ) : (
        <ul
          className="mt-3 max-h-[60vh] space-y-1 overflow-y-auto"
          aria-label="Checklist"
          data-testid="readiness-items"
        >
          {readiness.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => onGo(item)}
                className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-50"
                data-severity={item.severity}
              >
                {item.severity === "error" ? (
                  <CircleAlert aria-label="Error" className="mt-0.5 size-4 shrink-0 text-red-600" />
                ) : (
                  <TriangleAlert aria-label="Warning" className="mt-0.5 size-4 shrink-0 text-amber-600" />
                )}
                <span className="text-slate-700">{item.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {footer ? <div className="mt-3 border-t border-slate-100 pt-3">{footer}</div> : null}
    </section>
  );
}
