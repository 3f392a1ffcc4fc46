"use client";

import { useState } from "react";
import { Monitor, Smartphone, Tablet } from "lucide-react";
import { cn } from "@/components/ui/cn";

const WIDTHS = [
  { id: "desktop", label: "Desktop", width: 1280, icon: Monitor },
  { id: "tablet", label: "Tablet", width: 820, icon: Tablet },
  { id: "mobile", label: "Mobile", width: 390, icon: Smartphone },
] as const;

/** Shows the page at a chosen device width; the renderer lays itself out by its container's width. */
export function PreviewFrame({ children, toolbar }: { children: React.ReactNode; toolbar?: React.ReactNode }) {
  const [width, setWidth] = useState<(typeof WIDTHS)[number]["id"]>("desktop");
  const current = WIDTHS.find((w) => w.id === width)!;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="group"
          aria-label="Preview width"
          className="inline-flex rounded-md border border-slate-300 bg-white p-0.5"
        >
          {WIDTHS.map(({ id, label, icon: Icon }) => (
            <button
              key={id}
              type="button"
              aria-pressed={width === id}
              onClick={() => setWidth(id)}
              className={cn(
                "flex items-center gap-1.5 rounded px-3 py-1.5 text-sm",
                width === id ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              <Icon aria-hidden className="size-4" /> {label}
            </button>
          ))}
        </div>
        {toolbar}
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-slate-100 p-4">
        <div
          className="mx-auto overflow-hidden rounded-lg shadow-sm transition-[max-width]"
          style={{ maxWidth: current.width }}
          data-testid="preview-frame"
          data-width={current.width}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
