"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { CheckCircle2, Circle, X } from "lucide-react";
import { dismissChecklistAction } from "@/lib/actions/home";
import type { ChecklistStep } from "@/lib/home/types";
import { toast } from "@/components/ui/toast";
import { cn } from "@/components/ui/cn";

/** A new workspace's first steps, ticked from what it holds; put away for good with the close button. */
export function FirstRunChecklist({ steps }: { steps: ChecklistStep[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const done = steps.filter((s) => s.done).length;
  const dismiss = () =>
    start(async () => {
      const result = await dismissChecklistAction();
      if (!result.ok) toast.error(result.error.message);
      else router.refresh();
    });
  return (
    <section
      aria-labelledby="checklist-title"
      data-testid="first-run-checklist"
      className="border-brand-200 mb-6 rounded-xl border bg-white p-4"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="checklist-title" className="font-semibold text-slate-900">
            Get set up
          </h2>
          <p className="text-sm text-slate-600" data-testid="checklist-progress">
            {done} of {steps.length} done
          </p>
        </div>
        <button
          type="button"
          onClick={dismiss}
          disabled={pending}
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-50"
          aria-label="Hide the setup checklist"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {steps.map((s) => (
          <li key={s.key} data-testid={`step-${s.key}`} data-done={s.done ? "true" : "false"}>
            <Link
              href={s.href}
              className={cn(
                "flex items-start gap-2 rounded-lg border px-3 py-2 text-sm hover:bg-slate-50",
                s.done ? "border-slate-100 text-slate-500" : "border-slate-200 text-slate-900",
              )}
            >
              {s.done ? (
                <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
              ) : (
                <Circle aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
              )}
              <span>
                <span className={cn("block font-medium", s.done && "line-through")}>
                  {s.label}
                  <span className="sr-only">{s.done ? " (done)" : " (to do)"}</span>
                </span>
                <span className="block text-xs text-slate-500">{s.help}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
